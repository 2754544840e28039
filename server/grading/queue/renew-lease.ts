import { getDb } from "../../db";
import type { ClaimedJob } from "./grading-queue";
import { DEFAULT_LEASE_MS, leaseEnd, type QueueOptions } from "./queue-options";

/** Push the job's lease forward; false when the job is no longer this worker's (it was reclaimed). */
export async function renewLease(
  job: ClaimedJob,
  workerId: string,
  { db = getDb(), now = new Date(), leaseMs = DEFAULT_LEASE_MS }: QueueOptions & { leaseMs?: number } = {},
): Promise<boolean> {
  const expiresAt = leaseEnd(now, leaseMs);
  const { count } = await db.submission.updateMany({
    where: { id: job.submissionId, workerId, status: "running", attempts: job.attempts },
    data: { leaseExpiresAt: expiresAt },
  });
  if (count === 1) job.leaseExpiresAt = expiresAt;
  return count === 1;
}
