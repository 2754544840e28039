import "server-only";
import { getDb, type Db } from "../db";
import { hashSessionToken } from "./session-token";

/** Log out: forget the session server-side, so the cookie is useless even if it was copied. */
export async function deleteSession(token: string, db: Db = getDb()): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}

/** "Log out everywhere" (and what a password change does): every session of the user ends. */
export async function deleteUserSessions(userId: string, db: Db = getDb()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
