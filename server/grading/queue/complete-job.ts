import { getDb } from "../../db";
import type { ClaimedJob, JobResult } from "./grading-queue";
import type { QueueOptions } from "./queue-options";

/**
 * Store the grading result and mark the submission done, in one transaction. Only the worker
 * that holds the claim (same worker, same attempt) may: a worker whose lease ran out and whose
 * job another worker took gets false, and its result is dropped — the other worker's counts.
 */
export async function completeJob(
  job: ClaimedJob,
  workerId: string,
  result: JobResult,
  { db = getDb(), now = new Date() }: QueueOptions = {},
): Promise<boolean> {
  // Only the columns: callers may hand in a richer object (the worker passes the parsed report too).
  const { verdict, score, maxScore, reportJson } = result;
  const columns = { verdict, score, maxScore, reportJson };
  return db.$transaction(async (tx) => {
    const { count } = await tx.submission.updateMany({
      where: { id: job.submissionId, workerId, status: "running", attempts: job.attempts },
      data: { status: "done", finishedAt: now, leaseExpiresAt: null, error: null },
    });
    if (count !== 1) return false;
    await tx.gradingResult.upsert({
      where: { submissionId: job.submissionId },
      create: { submissionId: job.submissionId, ...columns },
      update: { ...columns, createdAt: now },
    });
    return true;
  });
}
