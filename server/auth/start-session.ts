import "server-only";
import { getDb } from "../db";
import { createSession } from "./create-session";
import { sweepExpiredSessionsNow } from "./delete-expired-sessions";
import { deleteSession, deleteUserSessions } from "./delete-session";
import { clearSessionCookie, readSessionToken, writeSessionCookie } from "./session-cookie";

// The Next.js side of sessions (server actions and route handlers only: they set cookies).

/**
 * Log the user in on this browser. Always a new session (rotation): whatever session the
 * browser carried before — someone else's planted cookie included — is deleted, never promoted.
 */
export async function startSession(userId: string): Promise<void> {
  const previous = await readSessionToken();
  if (previous) await deleteSession(previous);
  const { token, expiresAt } = await createSession(userId);
  await writeSessionCookie(token, expiresAt);
  sweepExpiredSessionsNow(getDb());
}

/** Log out on this browser: the session row goes, then the cookie. */
export async function endSession(): Promise<void> {
  const token = await readSessionToken();
  if (token) await deleteSession(token);
  await clearSessionCookie();
}

/** Log out everywhere: every session of the user ends, this browser's cookie goes too. */
export async function endAllSessions(userId: string): Promise<void> {
  await deleteUserSessions(userId);
  await clearSessionCookie();
}
