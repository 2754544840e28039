import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { requireCourseAccess } from "./course-access";
import { RemoveCourseExerciseInput, SetCourseExerciseInput } from "./set-course-exercise.schema";

/** Add an exercise to a course (at the end), or change its due date when it is already there. */
export async function setCourseExercise(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  input: unknown,
  db: Db = getDb(),
): Promise<{ added: boolean }> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const { slug, dueAt } = parseInput(SetCourseExerciseInput, input);
  const exercise = await db.exercise.findUnique({ where: { slug }, select: { id: true, archived: true } });
  if (!exercise)
    throw new AppError("validation-failed", "There is no such exercise.", { slug: ["There is no such exercise."] });
  const existing = await db.courseExercise.findUnique({
    where: { courseId_exerciseId: { courseId: id, exerciseId: exercise.id } },
    select: { position: true },
  });
  if (existing) {
    await db.courseExercise.update({
      where: { courseId_exerciseId: { courseId: id, exerciseId: exercise.id } },
      data: { dueAt },
    });
    return { added: false };
  }
  if (exercise.archived) {
    throw new AppError("validation-failed", "This exercise was retired.", { slug: ["This exercise was retired."] });
  }
  const last = await db.courseExercise.aggregate({ where: { courseId: id }, _max: { position: true } });
  await db.courseExercise.create({
    data: { courseId: id, exerciseId: exercise.id, dueAt, position: (last._max.position ?? -1) + 1 },
  });
  return { added: true };
}

/** Take an exercise out of a course; its submissions stay (they belong to the students). */
export async function removeCourseExercise(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  input: unknown,
  db: Db = getDb(),
): Promise<void> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const { slug } = parseInput(RemoveCourseExerciseInput, input);
  const exercise = await db.exercise.findUnique({ where: { slug }, select: { id: true } });
  if (!exercise) return;
  await db.courseExercise.deleteMany({ where: { courseId: id, exerciseId: exercise.id } });
}
