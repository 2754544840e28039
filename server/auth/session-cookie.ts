import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "../env";

// The Next.js side of sessions: the cookie carries the raw token, the database its hash.
export const SESSION_COOKIE = "interleave_session";

export async function readSessionToken(): Promise<string | null> {
  const store = await cookies();
  return store.get(SESSION_COOKIE)?.value ?? null;
}

/** Only callable from a server action or route handler (Next.js forbids it while rendering). */
export async function writeSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const store = await cookies();
  store.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().SESSION_COOKIE_SECURE,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  const store = await cookies();
  store.delete(SESSION_COOKIE);
}
