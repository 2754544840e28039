import { getDb, type Db } from "../db";
import { sessionIdleMs } from "./session-token";

/**
 * The sweep: sessions past their absolute end or idle too long are deleted, not just refused
 * when their cookie comes back (most never come back). Run by the seed at every `npm start` and
 * at most every 10 minutes by log-ins (sweepExpiredSessionsNow).
 */
export async function deleteExpiredSessions(
  db: Db = getDb(),
  now = new Date(),
  idleMs = sessionIdleMs(),
): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - idleMs) } }] },
  });
  return count;
}

const SWEEP_EVERY_MS = 10 * 60 * 1000;
let lastSweep = 0;

/** The sweep, if the last one in this process is over 10 minutes old (failures are only logged). */
export function sweepExpiredSessionsNow(db: Db = getDb(), now = Date.now()): void {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  deleteExpiredSessions(db, new Date(now)).catch((error: unknown) => {
    console.error("session sweep failed:", error instanceof Error ? error.message : error);
  });
}
