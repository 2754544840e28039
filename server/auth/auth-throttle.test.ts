import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { AuthThrottle, DEFAULT_THROTTLE_RULES, type ThrottleRules } from "./auth-throttle";
import { clientAddress } from "./client-address";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function failLogins(throttle: AuthThrottle, times: number, ip: string, email: string): Promise<void> {
  for (let i = 0; i < times; i++) await throttle.recordLoginFailure(ip, email);
}

describe("log-in throttling per account", () => {
  it("lets ten wrong passwords through and refuses the eleventh for a minute", async () => {
    const throttle = new AuthThrottle();
    await failLogins(throttle, 9, "10.0.0.1", "ada@example.com");
    expect(await throttle.checkLogin("10.0.0.1", "ada@example.com")).toEqual({ allowed: true });
    await failLogins(throttle, 1, "10.0.0.1", "ada@example.com");
    expect(await throttle.checkLogin("10.0.0.1", "ada@example.com")).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
    });
    // From another address too, and whatever the email's case: the account is what is guarded.
    expect((await throttle.checkLogin("10.9.9.9", " ADA@example.com ")).allowed).toBe(false);
    // Another account from the same address is not affected.
    expect(await throttle.checkLogin("10.0.0.1", "bob@example.com")).toEqual({ allowed: true });
  });

  it("doubles the lock-out each time it comes back within a day", async () => {
    const throttle = new AuthThrottle();
    await failLogins(throttle, 10, "10.0.0.2", "grace@example.com");
    expect(await throttle.checkLogin("10.0.0.2", "grace@example.com")).toMatchObject({ retryAfterSeconds: 60 });
    await throttle.recordLoginSuccess("grace@example.com"); // as if the first lock-out had run out
    await failLogins(throttle, 10, "10.0.0.2", "grace@example.com");
    expect(await throttle.checkLogin("10.0.0.2", "grace@example.com")).toMatchObject({ retryAfterSeconds: 120 });
  });

  it("clears an account's count after the right password", async () => {
    const throttle = new AuthThrottle();
    await failLogins(throttle, 9, "10.0.0.3", "lin@example.com");
    await throttle.recordLoginSuccess("lin@example.com");
    await failLogins(throttle, 9, "10.0.0.3", "lin@example.com");
    expect(await throttle.checkLogin("10.0.0.3", "lin@example.com")).toEqual({ allowed: true });
  });
});

describe("throttling per address", () => {
  const small: ThrottleRules = {
    ...DEFAULT_THROTTLE_RULES,
    loginFailuresPerIp: { points: 3, durationSec: 60, blockSec: 30, maxBlockSec: 60 },
    signupsPerIp: { points: 2, durationSec: 60, blockSec: 45, maxBlockSec: 60 },
  };

  it("refuses an address that guesses across many accounts", async () => {
    const throttle = new AuthThrottle({ kind: "memory" }, small);
    for (const email of ["a@x.org", "b@x.org", "c@x.org"]) await throttle.recordLoginFailure("10.0.1.1", email);
    expect(await throttle.checkLogin("10.0.1.1", "d@x.org")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(await throttle.checkLogin("10.0.1.2", "d@x.org")).toEqual({ allowed: true });
  });

  it("counts every sign-up attempt from an address", async () => {
    const throttle = new AuthThrottle({ kind: "memory" }, small);
    expect(await throttle.attemptSignup("10.0.2.1", "a@x.org")).toEqual({ allowed: true });
    expect(await throttle.attemptSignup("10.0.2.1", "b@x.org")).toEqual({ allowed: true });
    expect(await throttle.attemptSignup("10.0.2.1", "c@x.org")).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await throttle.attemptSignup("10.0.2.2", "c@x.org")).toEqual({ allowed: true });
  });

  it("refuses repeated sign-ups for one email from many addresses", async () => {
    const throttle = new AuthThrottle();
    for (let i = 0; i < 5; i++) expect((await throttle.attemptSignup(`10.0.3.${i}`, "x@x.org")).allowed).toBe(true);
    expect((await throttle.attemptSignup("10.0.3.99", "x@x.org")).allowed).toBe(false);
  });
});

describe("the database store", () => {
  it("shares counts between two throttles (two web processes) on one database", async () => {
    const first = new AuthThrottle({ kind: "database", db: t.db });
    const second = new AuthThrottle({ kind: "database", db: t.db });
    await failLogins(first, 5, "10.0.4.1", "shared@example.com");
    await failLogins(second, 4, "10.0.4.2", "shared@example.com");
    expect(await first.checkLogin("10.0.4.3", "shared@example.com")).toEqual({ allowed: true });
    await failLogins(second, 1, "10.0.4.2", "shared@example.com");
    const verdict = await first.checkLogin("10.0.4.3", "shared@example.com");
    expect(verdict.allowed).toBe(false);
    expect(await t.db.rateLimiterFlexible.count()).toBeGreaterThan(0);
  });
});

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For entry, the one the proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
