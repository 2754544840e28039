import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import type { GradingQueue } from "../grading/queue/grading-queue";
import { localGradingQueue } from "../grading/queue/local-queue";
import { requeueForRegrade } from "../grading/queue/requeue-for-regrade";
import { parseInput } from "../validation";
import { requireCourseAccess } from "./course-access";
import { RegradeExerciseInput, RegradeSubmissionInput } from "./regrade.schema";

export type RegradeOptions = { db?: Db; queue?: GradingQueue };
export type RegradeOutcome = { requeued: number; skipped: number };

// Regrading (issue 16): an instructor sends one submission, or every counted submission of an
// exercise by the course's students, back through the grading queue — after fixing a harness,
// say. Only submissions this course can see are touched: its students' "submit" submissions to
// its exercises. Those still waiting or being graded are skipped (they will get the new grading).

async function regrade(ids: string[], viewerId: string, db: Db, queue: GradingQueue): Promise<RegradeOutcome> {
  const requeued = await requeueForRegrade(ids, viewerId, { db });
  for (const id of requeued) {
    try {
      await queue.enqueue(id);
    } catch (error) {
      console.error(`regrade of ${id} reset but not enqueued (the worker's sweep will enqueue it):`, error);
    }
  }
  return { requeued: requeued.length, skipped: ids.length - requeued.length };
}

export async function regradeSubmission(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  input: unknown,
  { db = getDb(), queue = localGradingQueue(db) }: RegradeOptions = {},
): Promise<RegradeOutcome> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const { submissionId } = parseInput(RegradeSubmissionInput, input);
  const submission = await db.submission.findFirst({
    where: {
      id: submissionId,
      kind: "submit",
      exercise: { courses: { some: { courseId: id } } },
      user: { memberships: { some: { courseId: id, role: "student" } } },
    },
    select: { id: true },
  });
  if (!submission) throw new AppError("not-found", "There is no such submission in this course.");
  return regrade([submission.id], viewer!.id, db, queue);
}

export async function regradeExercise(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  input: unknown,
  { db = getDb(), queue = localGradingQueue(db) }: RegradeOptions = {},
): Promise<RegradeOutcome> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const { slug } = parseInput(RegradeExerciseInput, input);
  const inCourse = await db.courseExercise.findFirst({
    where: { courseId: id, exercise: { slug } },
    select: { exerciseId: true },
  });
  if (!inCourse) throw new AppError("not-found", "This course has no such exercise.");
  const rows = await db.submission.findMany({
    where: {
      kind: "submit",
      exerciseId: inCourse.exerciseId,
      user: { memberships: { some: { courseId: id, role: "student" } } },
    },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return regrade(
    rows.map((row) => row.id),
    viewer!.id,
    db,
    queue,
  );
}
