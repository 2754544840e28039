import "server-only";
import { getDb, type Db } from "../db";
import { parseRole, type Role } from "./roles";
import { hashSessionToken, LAST_SEEN_RESOLUTION_MS, sessionIdleMs } from "./session-token";

export type SessionUser = { id: string; email: string; displayName: string; role: Role };

export type FindSessionOptions = { now?: Date; idleMs?: number };

/**
 * The user a session token belongs to, or null when it is unknown, past its absolute end or
 * idle too long (such a session is deleted on sight). A live session's last use is moved forward.
 */
export async function findSessionUser(
  token: string,
  db: Db = getDb(),
  { now = new Date(), idleMs = sessionIdleMs() }: FindSessionOptions = {},
): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { select: { id: true, email: true, displayName: true, role: true } } },
  });
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= idleMs) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleSince >= LAST_SEEN_RESOLUTION_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { ...session.user, role: parseRole(session.user.role) };
}
