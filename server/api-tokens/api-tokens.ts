import { createHash, randomBytes } from "node:crypto";
import type { SessionUser } from "../auth/find-session-user";
import { parseRole } from "../auth/roles";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { CreateApiTokenInput, MAX_API_TOKENS } from "./create-api-token.schema";

// Personal API tokens (issue 17): `Authorization: Bearer il_…` for scripts that submit and read
// results. Like a session token: 32 random bytes shown once, only the SHA-256 stored, so a copy
// of the database cannot be replayed. A token acts as its user, with the user's role.

const PREFIX = "il_";
/** lastUsedAt is written at most this often (one UPDATE a minute, not one per request). */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiTokenSummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token for the user: the returned `token` is the only copy there will ever be. */
export async function createApiToken(
  userId: string,
  input: unknown,
  db: Db = getDb(),
): Promise<{ id: string; token: string }> {
  const { name } = parseInput(CreateApiTokenInput, input);
  if ((await db.apiToken.count({ where: { userId } })) >= MAX_API_TOKENS) {
    throw new AppError("validation-failed", `You have ${MAX_API_TOKENS} tokens: revoke one first.`, {
      name: [`At most ${MAX_API_TOKENS} tokens.`],
    });
  }
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const { id } = await db.apiToken.create({ data: { userId, name, tokenHash: hashApiToken(token) } });
  return { id, token };
}

export async function listApiTokens(userId: string, db: Db = getDb()): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revoke one of the user's tokens (someone else's id changes nothing). */
export async function revokeApiToken(userId: string, tokenId: unknown, db: Db = getDb()): Promise<boolean> {
  if (typeof tokenId !== "string") return false;
  const { count } = await db.apiToken.deleteMany({ where: { id: tokenId, userId } });
  return count === 1;
}

/** The user a bearer token belongs to, or null (unknown or revoked). */
export async function findApiTokenUser(token: string, db: Db = getDb(), now = new Date()): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: { select: { id: true, email: true, displayName: true, role: true } } },
  });
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ...row.user, role: parseRole(row.user.role) };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}
