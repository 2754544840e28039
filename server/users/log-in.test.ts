import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthThrottle } from "../auth/auth-throttle";
import { createSession } from "../auth/create-session";
import { findSessionUser } from "../auth/find-session-user";
import { AppError } from "../errors";
import { createTestDb, type TestDb } from "../testing/test-db";
import { changePassword } from "./change-password";
import { createUser } from "./create-user";
import { logIn } from "./log-in";
import { removeDemoUsers, seedDemoUsers } from "./seed-demo-users";
import { signUp } from "./sign-up";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createUser({ email: "ada@example.com", displayName: "Ada", password: "correct horse" }, { db: t.db });
});
afterAll(async () => {
  await t.dispose();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("logIn", () => {
  it("refuses the eleventh wrong password in a minute, even with the right one, and says when to retry", async () => {
    const throttle = new AuthThrottle();
    const options = { ip: "10.1.0.1", db: t.db, throttle };
    for (let i = 0; i < 10; i++) {
      expect((await failure(logIn({ email: "ada@example.com", password: `guess ${i}` }, options))).code).toBe(
        "invalid-credentials",
      );
    }
    const refused = await failure(logIn({ email: "ada@example.com", password: "correct horse" }, options));
    expect(refused.code).toBe("rate-limited");
    expect(refused.retryAfterSeconds).toBe(60);
    expect(refused.message).toBe("Too many log-in attempts. Try again in 1 minute.");
  });

  it("lets the right password in and does not count it", async () => {
    const throttle = new AuthThrottle();
    const options = { ip: "10.1.0.2", db: t.db, throttle };
    for (let i = 0; i < 30; i++) await logIn({ email: "ada@example.com", password: "correct horse" }, options);
    expect(await throttle.checkLogin("10.1.0.2", "ada@example.com")).toEqual({ allowed: true });
  });

  it("rehashes an old bcrypt hash with Argon2id at the next log-in", async () => {
    const legacy = await t.db.user.create({
      data: { email: "old@example.com", displayName: "Old", passwordHash: await bcrypt.hash("old password", 4) },
    });
    await logIn({ email: "old@example.com", password: "old password" }, { ip: "10.1.0.3", db: t.db });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    await logIn({ email: "old@example.com", password: "old password" }, { ip: "10.1.0.3", db: t.db });
  });
});

describe("signUp", () => {
  it("refuses a flood of sign-ups from one address with a retry time", async () => {
    const throttle = new AuthThrottle();
    const options = { ip: "10.2.0.1", db: t.db, throttle };
    for (let i = 0; i < 30; i++) await failure(signUp({ email: `bad-${i}`, displayName: "", password: "" }, options));
    const refused = await failure(
      signUp({ email: "new@example.com", displayName: "New", password: "12345678" }, options),
    );
    expect(refused.code).toBe("rate-limited");
    expect(refused.retryAfterSeconds).toBe(600);
    expect(await t.db.user.count({ where: { email: "new@example.com" } })).toBe(0);
  });
});

describe("changePassword", () => {
  it("needs the current password, then ends every session of the user", async () => {
    const user = await createUser(
      { email: "grace@example.com", displayName: "Grace", password: "first password" },
      { db: t.db },
    );
    const sessions = [await createSession(user.id, t.db), await createSession(user.id, t.db)];
    const throttle = new AuthThrottle();
    const wrong = await failure(
      changePassword(
        user.id,
        { currentPassword: "not it", newPassword: "second password" },
        { ip: "10.3.0.1", db: t.db, throttle },
      ),
    );
    expect(wrong.fieldErrors.currentPassword).toEqual(["That is not your current password."]);
    expect(await findSessionUser(sessions[0]!.token, t.db)).not.toBeNull();

    await changePassword(
      user.id,
      { currentPassword: "first password", newPassword: "second password" },
      { ip: "10.3.0.1", db: t.db, throttle },
    );
    for (const { token } of sessions) expect(await findSessionUser(token, t.db)).toBeNull();
    await logIn({ email: "grace@example.com", password: "second password" }, { ip: "10.3.0.1", db: t.db, throttle });
    const old = await failure(
      logIn({ email: "grace@example.com", password: "first password" }, { ip: "10.3.0.1", db: t.db, throttle }),
    );
    expect(old.code).toBe("invalid-credentials");
  });

  it("names a too-short new password", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    const error = await failure(
      changePassword(user.id, { currentPassword: "correct horse", newPassword: "short" }, { ip: "x", db: t.db }),
    );
    expect(error.fieldErrors.newPassword).toEqual(["Passwords need at least 8 characters."]);
  });
});

describe("demo accounts", () => {
  it("are removed with their sessions when turned off", async () => {
    await seedDemoUsers(t.db);
    const demo = await t.db.user.findUniqueOrThrow({ where: { email: "instructor@interleave.dev" } });
    const { token } = await createSession(demo.id, t.db);
    expect(await removeDemoUsers(t.db)).toBe(2);
    expect(await findSessionUser(token, t.db)).toBeNull();
    expect(await t.db.session.count({ where: { userId: demo.id } })).toBe(0);
    expect(await t.db.user.count({ where: { email: { endsWith: "@interleave.dev" } } })).toBe(0);
    expect(await t.db.user.count({ where: { email: "ada@example.com" } })).toBe(1);
  });
});
