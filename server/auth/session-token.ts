import { createHash, randomBytes } from "node:crypto";
import { getEnv } from "../env";

/** The absolute lifetime of a session: it ends this long after log-in, however busy. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A session's last use is written at most this often (one UPDATE a minute, not one per request). */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/** The idle timeout: a session unused this long ends (SESSION_IDLE_MINUTES, 7 days by default). */
export function sessionIdleMs(): number {
  return getEnv().SESSION_IDLE_MINUTES * 60 * 1000;
}

/** 32 random bytes, base64url: the value that lives only in the user's cookie. */
export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database stores: a stolen database copy cannot be replayed as cookies. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
