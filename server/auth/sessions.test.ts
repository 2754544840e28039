import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { createUser } from "../users/create-user";
import { createSession } from "./create-session";
import { deleteSession } from "./delete-session";
import { findSessionUser } from "./find-session-user";
import { hasRole } from "./roles";
import { safeReturnPath } from "./safe-return-path";
import { hashSessionToken, SESSION_TTL_MS } from "./session-token";

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  ({ id: userId } = await createUser(
    { email: "ada@example.com", displayName: "Ada", password: "12345678" },
    { db: t.db, role: "instructor" },
  ));
});
afterAll(async () => {
  await t.dispose();
});

describe("sessions", () => {
  it("stores only the SHA-256 of a 32-byte random token", async () => {
    const { token } = await createSession(userId, t.db);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await t.db.session.findMany({ where: { userId } });
    expect(rows.map((r) => r.tokenHash)).toContain(hashSessionToken(token));
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
  });

  it("finds the user behind a live token and nobody behind a made-up one", async () => {
    const { token } = await createSession(userId, t.db);
    expect(await findSessionUser(token, t.db)).toMatchObject({ id: userId, role: "instructor" });
    expect(await findSessionUser("made-up", t.db)).toBeNull();
  });

  it("forgets an expired session", async () => {
    const past = new Date(Date.now() - SESSION_TTL_MS - 1000);
    const { token } = await createSession(userId, t.db, past);
    expect(await findSessionUser(token, t.db)).toBeNull();
    expect(await t.db.session.count({ where: { tokenHash: hashSessionToken(token) } })).toBe(0);
  });

  it("logs out by deleting the session", async () => {
    const { token } = await createSession(userId, t.db);
    await deleteSession(token, t.db);
    expect(await findSessionUser(token, t.db)).toBeNull();
  });
});

describe("roles", () => {
  it("orders student < instructor < admin", () => {
    expect(hasRole("admin", "instructor")).toBe(true);
    expect(hasRole("instructor", "instructor")).toBe(true);
    expect(hasRole("student", "instructor")).toBe(false);
    expect(hasRole("instructor", "admin")).toBe(false);
  });
});

describe("safeReturnPath", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeReturnPath("/exercises/x?y=1")).toBe("/exercises/x?y=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "", undefined, 42]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});
