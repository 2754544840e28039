import { createHash, randomBytes } from "node:crypto";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: the value that lives only in the user's cookie. */
export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database stores: a stolen database copy cannot be replayed as cookies. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
