import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { AppError } from "../errors";
import { createTestDb, type TestDb } from "../testing/test-db";
import { createUser } from "./create-user";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
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

describe("createUser", () => {
  it("stores an Argon2id hash, a lower-cased email and the student role", async () => {
    const user = await createUser(
      { email: "  Ada@Example.COM ", displayName: " Ada ", password: "correct horse" },
      { db: t.db },
    );
    expect(user).toMatchObject({ email: "ada@example.com", displayName: "Ada", role: "student" });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", row.passwordHash)).toBe(true);
  });

  it("ignores a role smuggled into the form input", async () => {
    const user = await createUser(
      { email: "mallory@example.com", displayName: "Mallory", password: "12345678", role: "admin" },
      { db: t.db },
    );
    expect(user.role).toBe("student");
  });

  it("names every bad field", async () => {
    const error = await failure(createUser({ email: "", displayName: "", password: "short" }, { db: t.db }));
    expect(error.code).toBe("validation-failed");
    expect(error.fieldErrors.email).toEqual(["Enter your email address."]);
    expect(error.fieldErrors.displayName).toEqual(["Enter a display name."]);
    expect(error.fieldErrors.password).toEqual(["Passwords need at least 8 characters."]);
  });

  it("rejects a malformed email and missing fields", async () => {
    const malformed = await failure(
      createUser({ email: "not-an-email", displayName: "X", password: "12345678" }, { db: t.db }),
    );
    expect(malformed.fieldErrors.email?.[0]).toMatch(/valid email/);
    const missing = await failure(createUser({}, { db: t.db }));
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(["displayName", "email", "password"]);
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await createUser({ email: "grace@example.com", displayName: "Grace", password: "12345678" }, { db: t.db });
    const error = await failure(
      createUser({ email: "GRACE@example.com", displayName: "Other", password: "87654321" }, { db: t.db }),
    );
    expect(error.code).toBe("email-taken");
    expect(error.fieldErrors.email?.[0]).toMatch(/already exists/);
  });

  it("lets the caller (never the form) choose a role", async () => {
    const user = await createUser(
      { email: "prof@example.com", displayName: "Prof", password: "12345678" },
      { db: t.db, role: "instructor" },
    );
    expect(user.role).toBe("instructor");
  });
});
