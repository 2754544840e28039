import { z } from "zod";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import type { SessionUser } from "../auth/find-session-user";

// The one place that decides what a user may do in a course. Pages, server actions and API
// routes ask here; nothing else compares course memberships.
//
//   manage  — the owner, a co-teaching instructor member, or an admin: edit the course, see
//             every student's work, the insight pages and the grade book, hide board entries
//   member  — an enrolled student: the course page, its board, their own standing
//   none    — everyone else (including instructors of other courses): a 404, never a hint
//             that the course exists
export type CourseAccess = "manage" | "member" | "none";

export async function courseAccess(
  user: Pick<SessionUser, "id" | "role"> | null,
  courseId: string,
  db: Db = getDb(),
): Promise<CourseAccess> {
  if (!user) return "none";
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { ownerId: true, members: { where: { userId: user.id }, select: { role: true } } },
  });
  if (!course) return "none";
  if (user.role === "admin") return "manage";
  if (course.ownerId === user.id) return user.role === "instructor" ? "manage" : "member";
  const membership = course.members[0];
  if (!membership) return "none";
  return membership.role === "instructor" && user.role !== "student" ? "manage" : "member";
}

export function canManage(access: CourseAccess): boolean {
  return access === "manage";
}

export function canView(access: CourseAccess): boolean {
  return access !== "none";
}

/** Course ids are cuids: anything else is refused before it reaches the database. */
export const CourseId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * The viewer's access to the course, when it is at least `need`. An outsider gets AppError
 * "not-found", exactly as for a course that does not exist (a course never reveals itself); a
 * member asking for what needs "manage" gets "forbidden".
 * Every server function behind a course page, action or API route starts here.
 */
export async function requireCourseAccess(
  user: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  need: "manage" | "member",
  db: Db = getDb(),
): Promise<{ courseId: string; access: Exclude<CourseAccess, "none"> }> {
  const parsed = CourseId.safeParse(courseId);
  const access = parsed.success ? await courseAccess(user, parsed.data, db) : "none";
  if (access === "none") throw new AppError("not-found", "There is no such course.");
  // A member already knows the course exists: a 403, not a 404.
  if (need === "manage" && access !== "manage") {
    throw new AppError("forbidden", "Only the course's instructors may do this.");
  }
  return { courseId: parsed.data!, access };
}

/**
 * Whether `viewer` may read a student's work on an exercise: an admin always; an instructor
 * only in a course they manage (owner, or co-teaching instructor) that the student is enrolled
 * in and that includes the exercise. An instructor of another course reads nothing.
 */
export async function mayReviewWork(
  viewer: Pick<SessionUser, "id" | "role">,
  studentId: string,
  exerciseId: string,
  db: Db = getDb(),
): Promise<boolean> {
  if (viewer.role === "admin") return true;
  if (viewer.role !== "instructor") return false;
  const course = await db.course.findFirst({
    where: {
      OR: [{ ownerId: viewer.id }, { members: { some: { userId: viewer.id, role: "instructor" } } }],
      AND: [{ members: { some: { userId: studentId, role: "student" } } }, { exercises: { some: { exerciseId } } }],
    },
    select: { id: true },
  });
  return course !== null;
}
