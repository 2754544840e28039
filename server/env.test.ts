import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to data/interleave.db under the working directory", () => {
    const env = parseEnv({}, "/srv/interleave");
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.databaseFile).toBe(path.resolve("/srv/interleave/data/interleave.db"));
    expect(env.SESSION_COOKIE_SECURE).toBe(false);
    expect(env.DEMO_USERS).toBe("auto");
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.RATE_LIMIT_STORE).toBe("memory");
  });

  it("keeps absolute paths and parses flags", () => {
    const env = parseEnv({ DATABASE_URL: "file:/tmp/x.db", SESSION_COOKIE_SECURE: "true", DEMO_USERS: "false" });
    expect(env.databaseFile).toBe("/tmp/x.db");
    expect(env.SESSION_COOKIE_SECURE).toBe(true);
    expect(env.DEMO_USERS).toBe("false");
  });

  it("takes a PostgreSQL URL: no SQLite file then", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://app:app@127.0.0.1:5432/app" });
    expect(env.databaseKind).toBe("postgres");
    expect(env.databaseFile).toBeNull();
    expect(parseEnv({}).databaseKind).toBe("sqlite");
  });

  it("names the bad variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a SQLite URL/);
    expect(() => parseEnv({ GRADING_MAX_PENDING_PER_USER: "0" })).toThrow(/GRADING_MAX_PENDING_PER_USER/);
    expect(() => parseEnv({ SESSION_COOKIE_SECURE: "yes" })).toThrow(/SESSION_COOKIE_SECURE/);
    expect(() => parseEnv({ DEMO_USERS: "yes" })).toThrow(/DEMO_USERS/);
    expect(() => parseEnv({ RATE_LIMIT_STORE: "redis" })).toThrow(/RATE_LIMIT_STORE/);
  });
});
