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
  kind: z.enum(["submit", "run"]),
});

/** Sorts before every real claim time: a user never served goes first among equals. */
const NEVER = new Date(0);

/**
 * Claim the next job, or one whose worker's lease ran out (a crashed or stuck worker), in ONE
 * statement: SQLite starts an UPDATE as a write transaction, so two workers on the same file
 * are serialised and never claim the same row (see queue.test.ts, which races two processes).
 * The claim increments `attempts`; jobs out of attempts are failed first (failExhaustedJobs)
 * and are never claimed again.
 *
 * Which job is next (issue 17, "fair under a deadline rush"), in this order:
 *  1. the lane: quick runs (kind "run", a small budget) before submissions, so a Run stays
 *     quick under load — at most one grading in progress is ever ahead of it;
 *  2. the job's round: how many of its user's jobs of that lane are running or ahead of it in
 *     line. A user's burst of 20 is rounds 0..19, another user's first submission is round 0;
 *  3. among equal rounds, the user whose last claim is oldest (never claimed: first). This is
 *     round-robin across users: one user's burst never delays another user's first submission
 *     by more than the grading already in progress (fair-claim.test.ts);
 *  4. then first come, first served.
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
      SELECT s."id" FROM "Submission" s
      WHERE (s."status" = 'queued' AND s."enqueuedAt" IS NOT NULL)
         OR (s."status" = 'running' AND s."leaseExpiresAt" < ${now} AND s."attempts" < ${MAX_ATTEMPTS})
      ORDER BY
        CASE WHEN s."kind" = 'run' THEN 0 ELSE 1 END,
        (SELECT COUNT(*) FROM "Submission" o
          WHERE o."userId" = s."userId" AND o."kind" = s."kind" AND o."id" <> s."id"
            AND ((o."status" = 'running' AND o."leaseExpiresAt" >= ${now})
              OR (o."status" = 'queued' AND o."enqueuedAt" IS NOT NULL AND o."enqueuedAt" < s."enqueuedAt"))),
        COALESCE((SELECT MAX(o."claimedAt") FROM "Submission" o WHERE o."userId" = s."userId"), ${NEVER}),
        s."enqueuedAt", s."createdAt", s."id"
      LIMIT 1
    )
    RETURNING "id", "exerciseId", "code", "attempts", "kind"`;
  if (rows.length === 0) return null;
  const row = ClaimedRow.parse(rows[0]);
  return {
    submissionId: row.id,
    exerciseId: row.exerciseId,
    code: row.code,
    attempts: row.attempts,
    kind: row.kind,
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
