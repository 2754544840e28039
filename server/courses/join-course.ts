import { z } from "zod";
import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { JoinCodeInput } from "./join-code";

export const JoinCourseInput = z.object({ code: JoinCodeInput });

const NO_SUCH_CODE = "No course has this join code: check it with your instructor.";

/** The course a join code opens (title only), for the invite page; null when there is none. */
export async function findCourseByJoinCode(code: unknown, db: Db = getDb()): Promise<{ title: string } | null> {
  const parsed = JoinCodeInput.safeParse(code);
  if (!parsed.success) return null;
  const course = await db.course.findUnique({
    where: { joinCode: parsed.data },
    select: { title: true, archived: true },
  });
  return course && !course.archived ? { title: course.title } : null;
}

/**
 * Join a course with its code, as a student. Joining twice changes nothing; the course's owner
 * and its co-teachers keep their role.
 */
export async function joinCourse(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  input: unknown,
  db: Db = getDb(),
): Promise<{ courseId: string; joined: boolean }> {
  if (!viewer) throw new AppError("unauthenticated", "Log in to join a course.");
  const { code } = parseInput(JoinCourseInput, input);
  const course = await db.course.findUnique({
    where: { joinCode: code },
    select: { id: true, ownerId: true, archived: true },
  });
  if (!course || course.archived) throw new AppError("validation-failed", NO_SUCH_CODE, { code: [NO_SUCH_CODE] });
  if (course.ownerId === viewer.id) return { courseId: course.id, joined: false };
  const existing = await db.courseMember.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: viewer.id } },
  });
  if (existing) return { courseId: course.id, joined: false };
  // upsert: two tabs joining at once must not fail on the primary key.
  await db.courseMember.upsert({
    where: { courseId_userId: { courseId: course.id, userId: viewer.id } },
    create: { courseId: course.id, userId: viewer.id, role: "student" },
    update: {},
  });
  return { courseId: course.id, joined: true };
}
