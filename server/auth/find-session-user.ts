import { getDb, type Db } from "../db";
import { parseRole, type Role } from "./roles";
import { hashSessionToken } from "./session-token";

export type SessionUser = { id: string; email: string; displayName: string; role: Role };

/** The user a session token belongs to, or null when it is unknown or expired. */
export async function findSessionUser(token: string, db: Db = getDb(), now = new Date()): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { select: { id: true, email: true, displayName: true, role: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { ...session.user, role: parseRole(session.user.role) };
}
