import "server-only";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import type { GradingQueue } from "../grading/queue/grading-queue";
import { localGradingQueue } from "../grading/queue/local-queue";
import { parseInput } from "../validation";
import { SubmitSolutionInput } from "./submit-solution.schema";

export type SubmitSolutionOptions = { db?: Db; queue?: GradingQueue };

/**
 * Store a solution, then put it in line for grading; returns the submission's id. `kind` "run"
 * (the quick check) is graded on the visible checks with a small budget and never scored. The row is
 * written first, so a failure to enqueue loses nothing: the worker's sweep enqueues it later.
 * Throws AppError "validation-failed" (empty or too large code, a retired exercise) or "not-found".
 */
export async function submitSolution(
  userId: string,
  input: unknown,
  { db = getDb(), queue = localGradingQueue(db) }: SubmitSolutionOptions = {},
): Promise<{ id: string }> {
  const { slug, code, kind } = parseInput(SubmitSolutionInput, input);
  const exercise = await db.exercise.findUnique({
    where: { slug },
    select: { id: true, archived: true, publishedVersion: true },
  });
  if (!exercise) throw new AppError("not-found", "There is no such exercise.");
  if (exercise.archived) {
    throw new AppError("validation-failed", "This exercise was retired: it no longer takes submissions.");
  }
  // A browser-authored exercise: the version it is graded against, whatever is published later.
  const { id } = await db.submission.create({
    data: { userId, exerciseId: exercise.id, code, kind, exerciseVersion: exercise.publishedVersion },
    select: { id: true },
  });
  try {
    await queue.enqueue(id);
  } catch (error) {
    console.error(`submission ${id} stored but not enqueued (the worker's sweep will enqueue it):`, error);
  }
  return { id };
}
