import { z } from "zod";
import { getDb } from "../../db";
import { MAX_ATTEMPTS, type ClaimedJob } from "./grading-queue";
import { DEFAULT_LEASE_MS, leaseEnd, type QueueOptions } from "./queue-options";

export type ClaimOptions = QueueOptions & { leaseMs?: number };

// Raw rows are parsed like any other input: SQLite hands integers back as bigints or strings.
const ClaimedRow = z.object({
  id: z.string(),
  exerciseId: z.string(),
  code: z.string(),
  attempts: z.coerce.number().int().positive(),
});

/**
 * Claim the oldest job that is waiting, or whose worker's lease ran out (a crashed or stuck
 * worker), in ONE statement: SQLite starts an UPDATE as a write transaction, so two workers
 * on the same file are serialised and never claim the same row (see queue.test.ts, which
 * races two processes). The claim increments `attempts`; jobs out of attempts are failed
 * first (failExhaustedJobs) and are never claimed again.
 */
export async function claimNextJob(
  workerId: string,
  { db = getDb(), now = new Date(), leaseMs = DEFAULT_LEASE_MS }: ClaimOptions = {},
): Promise<ClaimedJob | null> {
  await failExhaustedJobs({ db, now });
  const expiresAt = leaseEnd(now, leaseMs);
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE "Submission"
    SET "status" = 'running', "workerId" = ${workerId}, "claimedAt" = ${now},
        "leaseExpiresAt" = ${expiresAt}, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Submission"
      WHERE ("status" = 'queued' AND "enqueuedAt" IS NOT NULL)
         OR ("status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" < ${MAX_ATTEMPTS})
      ORDER BY "enqueuedAt", "createdAt", "id"
      LIMIT 1
    )
    RETURNING "id", "exerciseId", "code", "attempts"`;
  if (rows.length === 0) return null;
  const row = ClaimedRow.parse(rows[0]);
  return {
    submissionId: row.id,
    exerciseId: row.exerciseId,
    code: row.code,
    attempts: row.attempts,
    leaseExpiresAt: expiresAt,
  };
}

export const EXHAUSTED_MESSAGE =
  `Grading stopped ${MAX_ATTEMPTS} times before it could finish (the grading worker crashed or was stopped). ` +
  "This is a problem on our side, not in your code: please submit again, and tell your instructor if it keeps happening.";

/** Running jobs whose last lease ran out on their last attempt: failed, with a message. */
export async function failExhaustedJobs({ db = getDb(), now = new Date() }: QueueOptions = {}): Promise<number> {
  const { count } = await db.submission.updateMany({
    where: { status: "running", leaseExpiresAt: { lt: now }, attempts: { gte: MAX_ATTEMPTS } },
    data: { status: "failed", error: EXHAUSTED_MESSAGE, finishedAt: now, leaseExpiresAt: null },
  });
  return count;
}
