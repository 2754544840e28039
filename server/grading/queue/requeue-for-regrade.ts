import { getDb } from "../../db";
import type { QueueOptions } from "./queue-options";

/**
 * Make graded submissions gradable again (issue 16: regrade after a harness fix), keeping the
 * result each one had in a Regrade row. Only finished submissions (done or failed) are taken:
 * one already waiting or being graded is left alone, so asking twice regrades once. Each
 * submission is reset in one transaction (guarded on its status) with `enqueuedAt` cleared:
 * the caller then puts them in line through GradingQueue.enqueue, like a new submission, and
 * should that fail, the worker's stranded sweep enqueues them. The previous GradingResult stays
 * until the new one overwrites it (completeJob upserts), so scores never blink to nothing.
 * Returns the ids that were reset.
 */
export async function requeueForRegrade(
  submissionIds: readonly string[],
  requestedById: string,
  { db = getDb(), now = new Date() }: QueueOptions = {},
): Promise<string[]> {
  const reset: string[] = [];
  for (const submissionId of submissionIds) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.submission.updateMany({
        where: { id: submissionId, status: { in: ["done", "failed"] } },
        data: {
          status: "queued",
          enqueuedAt: null,
          attempts: 0,
          workerId: null,
          claimedAt: null,
          leaseExpiresAt: null,
          finishedAt: null,
          error: null,
        },
      });
      if (count !== 1) return false;
      const previous = await tx.gradingResult.findUnique({ where: { submissionId } });
      await tx.regrade.create({
        data: {
          submissionId,
          requestedById,
          requestedAt: now,
          previousVerdict: previous?.verdict ?? null,
          previousScore: previous?.score ?? null,
          previousMaxScore: previous?.maxScore ?? null,
          previousReportJson: previous?.reportJson ?? null,
          previousGradedAt: previous?.createdAt ?? null,
        },
      });
      return true;
    });
    if (done) reset.push(submissionId);
  }
  return reset;
}
