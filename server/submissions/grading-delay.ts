import { getDb, type Db } from "../db";

/** A submission in line longer than this is worth a word to the student. */
export const QUEUED_TOO_LONG_MS = 30_000;

/**
 * Why a queued submission has not been graded yet, once it has waited too long:
 * - "no-worker": no grader has shown a sign of life for as long (no lease held or renewed, no
 *   job claimed or finished): grading will not start until one runs, so polling is pointless;
 * - "busy": graders are running, with `ahead` submissions in line before this one.
 */
export type GradingDelay = { reason: "no-worker" | "busy"; waitingSeconds: number; ahead: number };

/**
 * The queue's table is the only heartbeat the embedded default has: a working grader renews the
 * lease of its job every leaseMs/3 and an idle one claims whatever is queued at once, so a job
 * queued for QUEUED_TOO_LONG_MS with no live lease and nothing claimed or finished meanwhile
 * means no grader is running.
 */
export async function gradingDelay(
  submission: { id: string; status: string; createdAt: Date; enqueuedAt: Date | null },
  { db = getDb(), now = new Date() }: { db?: Db; now?: Date } = {},
): Promise<GradingDelay | null> {
  if (submission.status !== "queued") return null;
  const since = submission.enqueuedAt ?? submission.createdAt;
  const waitingMs = now.getTime() - since.getTime();
  if (waitingMs < QUEUED_TOO_LONG_MS) return null;
  const recently = new Date(now.getTime() - QUEUED_TOO_LONG_MS);
  const [alive, ahead] = await Promise.all([
    db.submission.count({
      where: {
        OR: [
          { status: "running", leaseExpiresAt: { gt: now } },
          { claimedAt: { gt: recently } },
          { finishedAt: { gt: recently } },
        ],
      },
    }),
    db.submission.count({
      where: { status: "queued", id: { not: submission.id }, createdAt: { lt: submission.createdAt } },
    }),
  ]);
  return { reason: alive > 0 ? "busy" : "no-worker", waitingSeconds: Math.floor(waitingMs / 1000), ahead };
}
