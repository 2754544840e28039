import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { createUser } from "../users/create-user";
import { createSession } from "./create-session";
import { deleteExpiredSessions } from "./delete-expired-sessions";
import { deleteSession, deleteUserSessions } from "./delete-session";
import { findSessionUser } from "./find-session-user";
import { hasRole } from "./roles";
import { safeReturnPath } from "./safe-return-path";
import { hashSessionToken, LAST_SEEN_RESOLUTION_MS, SESSION_TTL_MS } from "./session-token";

const HOUR = 60 * 60 * 1000;

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

  it("ends a session left idle past the idle timeout, long before its absolute end", async () => {
    const loggedIn = new Date(Date.now() - 3 * HOUR);
    const { token } = await createSession(userId, t.db, loggedIn);
    expect(await findSessionUser(token, t.db, { idleMs: 4 * HOUR })).not.toBeNull();
    const { token: idle } = await createSession(userId, t.db, loggedIn);
    expect(await findSessionUser(idle, t.db, { idleMs: 2 * HOUR })).toBeNull();
    expect(await t.db.session.count({ where: { tokenHash: hashSessionToken(idle) } })).toBe(0);
  });

  it("moves a session's last use forward, at most once a minute", async () => {
    const loggedIn = new Date(Date.now() - HOUR);
    const { token } = await createSession(userId, t.db, loggedIn);
    const lastSeen = async () =>
      (await t.db.session.findUniqueOrThrow({ where: { tokenHash: hashSessionToken(token) } })).lastSeenAt.getTime();
    const now = new Date();
    await findSessionUser(token, t.db, { now });
    expect(await lastSeen()).toBe(now.getTime());
    await findSessionUser(token, t.db, { now: new Date(now.getTime() + LAST_SEEN_RESOLUTION_MS - 1) });
    expect(await lastSeen()).toBe(now.getTime());
  });

  it("sweeps expired and idle sessions and keeps live ones", async () => {
    await t.db.session.deleteMany();
    const live = await createSession(userId, t.db);
    await createSession(userId, t.db, new Date(Date.now() - SESSION_TTL_MS - 1000)); // past its end
    await createSession(userId, t.db, new Date(Date.now() - 5 * HOUR)); // idle 5 h
    expect(await deleteExpiredSessions(t.db, new Date(), 4 * HOUR)).toBe(2);
    const left = await t.db.session.findMany({ where: { userId } });
    expect(left.map((s) => s.tokenHash)).toEqual([hashSessionToken(live.token)]);
  });

  it("logs out everywhere by deleting every session of the user, and only theirs", async () => {
    const other = await createUser(
      { email: "bob@example.com", displayName: "Bob", password: "12345678" },
      { db: t.db },
    );
    const mine = [await createSession(userId, t.db), await createSession(userId, t.db)];
    const theirs = await createSession(other.id, t.db);
    await deleteUserSessions(userId, t.db);
    for (const { token } of mine) expect(await findSessionUser(token, t.db)).toBeNull();
    expect(await findSessionUser(theirs.token, t.db)).toMatchObject({ id: other.id });
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
    expect(safeReturnPath("/exercises/a%20b#top")).toBe("/exercises/a%20b#top");
    const bad = [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "/\t/evil.example", // the browser drops the tab: "//evil.example"
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example",
      "/\u0000/evil.example",
      "/\u2028/evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      42,
    ];
    for (const value of bad) {
      expect(safeReturnPath(value)).toBe("/");
    }
  });
});
