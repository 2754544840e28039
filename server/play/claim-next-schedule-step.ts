import { z } from "zod";
import { getDb, type Db } from "../db";
import { claimLeasedRow } from "../jobs/claim-leased-row";

// Lease rules as the grading queue's (server/grading/queue/): a claim sets a lease; a step whose
// lease ran out (its worker died) is claimed again, up to MAX_STEP_ATTEMPTS. A step is one short
// schedule, so the lease is short and is not renewed.

export const MAX_STEP_ATTEMPTS = 2;
export const STEP_LEASE_MS = 30_000;

const ClaimedRow = z.object({
  id: z.string(),
  userId: z.string(),
  submissionId: z.string().nullable(),
  exerciseId: z.string().nullable(),
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
  const rows = await claimLeasedRow(
    db,
    "ScheduleStep",
    ["id", "userId", "submissionId", "exerciseId", "checkId", "decisions"],
    {
      workerId,
      now,
      leaseMs,
      maxAttempts: MAX_STEP_ATTEMPTS,
    },
  );
  return rows.length === 0 ? null : ClaimedRow.parse(rows[0]);
}
