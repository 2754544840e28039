import { Prisma } from "@prisma/client";
import type { SessionUser } from "../auth/find-session-user";
import { hasRole } from "../auth/roles";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { CourseSettingsInput } from "./course-settings.schema";
import { newJoinCode } from "./join-code";

/** An instructor (or admin) creates a course they own; returns its id and join code. */
export async function createCourse(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  input: unknown,
  db: Db = getDb(),
): Promise<{ id: string; joinCode: string }> {
  if (!viewer) throw new AppError("unauthenticated", "Log in to create a course.");
  if (!hasRole(viewer.role, "instructor")) throw new AppError("forbidden", "Only instructors create courses.");
  const { title, latePolicy } = parseInput(CourseSettingsInput, input);
  // Codes are random over 25^8: a collision is rare, and retried.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.course.create({
        data: { title, latePolicy: JSON.stringify(latePolicy), ownerId: viewer.id, joinCode: newJoinCode() },
        select: { id: true, joinCode: true },
      });
    } catch (error) {
      const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!duplicate || attempt >= 4) throw error;
    }
  }
}
