import { getDb } from "../../db";
import { MAX_ATTEMPTS, type ClaimedJob } from "./grading-queue";
import { DEFAULT_LEASE_MS, leaseEnd, type QueueOptions } from "./queue-options";

/**
 * The PostgreSQL backend's claim of ONE submission that pg-boss handed this worker: the row is
 * the record, pg-boss only delivers. It is ours if it is waiting, or running under a lease that
 * ran out (its worker died) with attempts left; otherwise (graded already, or a live worker has
 * it: a duplicate delivery) null, and the caller drops the delivery.
 */
export async function claimSubmission(
  submissionId: string,
  workerId: string,
  { db = getDb(), now = new Date(), leaseMs = DEFAULT_LEASE_MS }: QueueOptions & { leaseMs?: number } = {},
): Promise<ClaimedJob | null> {
  const expiresAt = leaseEnd(now, leaseMs);
  const { count } = await db.submission.updateMany({
    where: {
      id: submissionId,
      OR: [{ status: "queued" }, { status: "running", leaseExpiresAt: { lt: now }, attempts: { lt: MAX_ATTEMPTS } }],
    },
    data: { status: "running", workerId, claimedAt: now, leaseExpiresAt: expiresAt, attempts: { increment: 1 } },
  });
  if (count !== 1) return null;
  const row = await db.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: { exerciseId: true, code: true, attempts: true, kind: true },
  });
  return {
    submissionId,
    exerciseId: row.exerciseId,
    code: row.code,
    attempts: row.attempts,
    kind: row.kind === "run" ? "run" : "submit",
    leaseExpiresAt: expiresAt,
  };
}
