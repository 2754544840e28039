import { z } from "zod";
import { getDb, type Db } from "../db";

// Lease rules as the grading queue's (server/grading/queue/): a claim sets a lease; a step whose
// lease ran out (its worker died) is claimed again, up to MAX_STEP_ATTEMPTS. A step is one short
// schedule, so the lease is short and is not renewed.

export const MAX_STEP_ATTEMPTS = 2;
export const STEP_LEASE_MS = 30_000;

const ClaimedRow = z.object({
  id: z.string(),
  userId: z.string(),
  submissionId: z.string(),
  checkId: z.string(),
  decisions: z.string(),
});
export type ClaimedScheduleStep = z.infer<typeof ClaimedRow>;

/** Claim the oldest waiting step (or one whose lease ran out) in one statement. */
export async function claimNextScheduleStep(
  workerId: string,
  { db = getDb(), now = new Date(), leaseMs = STEP_LEASE_MS }: { db?: Db; now?: Date; leaseMs?: number } = {},
): Promise<ClaimedScheduleStep | null> {
  await db.scheduleStep.updateMany({
    where: { status: "running", leaseExpiresAt: { lt: now }, attempts: { gte: MAX_STEP_ATTEMPTS } },
    data: { status: "failed", finishedAt: now, error: "The step stopped before it could finish. Try again." },
  });
  const expiresAt = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE "ScheduleStep"
    SET "status" = 'running', "workerId" = ${workerId}, "claimedAt" = ${now},
        "leaseExpiresAt" = ${expiresAt}, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "ScheduleStep"
      WHERE "status" = 'queued'
         OR ("status" = 'running' AND "leaseExpiresAt" < ${now} AND "attempts" < ${MAX_STEP_ATTEMPTS})
      ORDER BY "createdAt", "id"
      LIMIT 1
    )
    AND ("status" = 'queued' OR ("status" = 'running' AND "leaseExpiresAt" < ${now}))
    RETURNING "id", "userId", "submissionId", "checkId", "decisions"`;
  return rows.length === 0 ? null : ClaimedRow.parse(rows[0]);
}
