import type { SessionUser } from "../auth/find-session-user";
import { AppError } from "../errors";
import { getDb, type Db } from "../db";

// Who may author what (issue 16): instructors edit the browser exercises they authored, admins
// every browser exercise. Exercises from files are edited as files (reviewed like code).

export type AuthoredExerciseRow = {
  id: string;
  slug: string;
  source: string;
  authorId: string | null;
  publishedVersion: number | null;
};

export function mayAuthor(
  user: Pick<SessionUser, "id" | "role">,
  exercise: Pick<AuthoredExerciseRow, "source" | "authorId">,
) {
  if (exercise.source !== "browser") return false;
  if (user.role === "admin") return true;
  return user.role === "instructor" && exercise.authorId === user.id;
}

/** The exercise if this user may author it; AppError "not-found" or "forbidden" otherwise. */
export async function requireAuthoredExercise(
  user: Pick<SessionUser, "id" | "role">,
  exerciseId: string,
  db: Db = getDb(),
): Promise<AuthoredExerciseRow> {
  const exercise = await db.exercise.findUnique({
    where: { id: String(exerciseId) },
    select: { id: true, slug: true, source: true, authorId: true, publishedVersion: true },
  });
  if (!exercise) throw new AppError("not-found", "There is no such exercise.");
  if (!mayAuthor(user, exercise)) {
    throw new AppError(
      "forbidden",
      exercise.source === "browser"
        ? "Only its author (or an admin) may edit this exercise."
        : "This exercise is authored as files in exercises/: edit it there.",
    );
  }
  return exercise;
}
