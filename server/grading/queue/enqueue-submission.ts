import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { EnqueueOutcome } from "./grading-queue";
import type { QueueOptions } from "./queue-options";

/**
 * Put a stored submission in line (the local backend's `enqueue`). Idempotent: only a
 * submission that was never enqueued gets an `enqueuedAt`, so a second call keeps its place
 * and never makes a second job — nor re-grades a submission that is running or done.
 */
export async function enqueueSubmission(
  submissionId: string,
  { db = getDb(), now = new Date() }: QueueOptions = {},
): Promise<EnqueueOutcome> {
  const { count } = await db.submission.updateMany({
    where: { id: submissionId, enqueuedAt: null },
    data: { enqueuedAt: now },
  });
  if (count === 1) return "enqueued";
  const exists = await db.submission.count({ where: { id: submissionId } });
  if (exists === 0) throw new AppError("not-found", "There is no such submission.");
  return "already-enqueued";
}
