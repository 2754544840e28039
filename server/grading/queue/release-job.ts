import { getDb } from "../../db";
import { MAX_ATTEMPTS, type ClaimedJob, type ReleaseOutcome, type ReleaseReason } from "./grading-queue";
import type { QueueOptions } from "./queue-options";

/**
 * Hand a claimed job back without a result. A stopping worker puts it back in line without
 * spending an attempt; an error spends the attempt and the job is retried until MAX_ATTEMPTS,
 * then failed; a permanent problem fails it at once. "lost" when the job is no longer ours.
 */
export async function releaseJob(
  job: ClaimedJob,
  workerId: string,
  reason: ReleaseReason,
  { db = getDb(), now = new Date() }: QueueOptions = {},
): Promise<ReleaseOutcome> {
  const ours = { id: job.submissionId, workerId, status: "running", attempts: job.attempts };
  const failure =
    reason.kind === "permanent" || (reason.kind === "error" && job.attempts >= MAX_ATTEMPTS) ? reason.message : null;
  const { count } = await db.submission.updateMany({
    where: ours,
    data:
      failure !== null
        ? { status: "failed", error: failure, finishedAt: now, leaseExpiresAt: null }
        : {
            status: "queued",
            workerId: null,
            leaseExpiresAt: null,
            attempts: reason.kind === "shutdown" ? job.attempts - 1 : job.attempts,
          },
  });
  if (count !== 1) return "lost";
  return failure !== null ? "failed" : "requeued";
}
