import "server-only";
import { getDb, type Db } from "../db";
import { generateSessionToken, hashSessionToken, SESSION_TTL_MS } from "./session-token";

export type NewSession = { token: string; expiresAt: Date };

export async function createSession(userId: string, db: Db = getDb(), now = new Date()): Promise<NewSession> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { tokenHash: hashSessionToken(token), userId, expiresAt, lastSeenAt: now } });
  return { token, expiresAt };
}
