import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import {
  bearerToken,
  createApiToken,
  findApiTokenUser,
  hashApiToken,
  listApiTokens,
  revokeApiToken,
} from "./api-tokens";

let t: TestDb;
let userId: string;
let otherId: string;
beforeAll(async () => {
  t = await createTestDb();
  userId = (await t.db.user.create({ data: { email: "tok@example.com", displayName: "Tok", passwordHash: "x" } })).id;
  otherId = (await t.db.user.create({ data: { email: "oth@example.com", displayName: "Oth", passwordHash: "x" } })).id;
});
afterAll(async () => {
  await t.dispose();
});

describe("API tokens", () => {
  it("stores only the hash, finds the user by the token, forgets it once revoked", async () => {
    const { id, token } = await createApiToken(userId, { name: "my script" }, t.db);
    expect(token).toMatch(/^il_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findApiTokenUser(token, t.db)).toMatchObject({ id: userId, role: "student" });
    expect((await listApiTokens(userId, t.db))[0]).toMatchObject({ name: "my script", lastUsedAt: expect.any(Date) });
    expect(await revokeApiToken(otherId, id, t.db)).toBe(false); // not theirs
    expect(await revokeApiToken(userId, id, t.db)).toBe(true);
    expect(await findApiTokenUser(token, t.db)).toBeNull();
  });

  it("refuses unknown and malformed tokens, and a nameless token", async () => {
    expect(await findApiTokenUser("il_nope", t.db)).toBeNull();
    expect(await findApiTokenUser("session-token-like", t.db)).toBeNull();
    await expect(createApiToken(userId, { name: "  " }, t.db)).rejects.toMatchObject({ code: "validation-failed" });
  });

  it("reads the bearer header", () => {
    expect(bearerToken(new Headers({ authorization: "Bearer il_abc" }))).toBe("il_abc");
    expect(bearerToken(new Headers({ authorization: "Basic xyz" }))).toBeNull();
    expect(bearerToken(new Headers())).toBeNull();
  });
});
