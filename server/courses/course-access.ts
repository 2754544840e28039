import { getDb, type Db } from "../db";
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
