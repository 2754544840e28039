import { createSession } from "./create-session";
import { deleteSession } from "./delete-session";
import { clearSessionCookie, readSessionToken, writeSessionCookie } from "./session-cookie";

/** Log the user in on this browser: a new session row and its cookie (server actions only). */
export async function startSession(userId: string): Promise<void> {
  const { token, expiresAt } = await createSession(userId);
  await writeSessionCookie(token, expiresAt);
}

/** Log out on this browser: the session row goes, then the cookie. */
export async function endSession(): Promise<void> {
  const token = await readSessionToken();
  if (token) await deleteSession(token);
  await clearSessionCookie();
}
