import { getDb } from "../../db";
import type { QueueOptions } from "./queue-options";

/** A submission stored this long ago and still not enqueued was left behind by a server that died. */
export const STRANDED_AFTER_MS = 30_000;

/**
 * Enqueue submissions that were stored but never enqueued: the app stores first and enqueues
 * second, and a crash between the two must not lose the submission. Run by the worker.
 */
export async function enqueueStranded({ db = getDb(), now = new Date() }: QueueOptions = {}): Promise<number> {
  const { count } = await db.submission.updateMany({
    where: { status: "queued", enqueuedAt: null, createdAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) } },
    data: { enqueuedAt: now },
  });
  return count;
}
