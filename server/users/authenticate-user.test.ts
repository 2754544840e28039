import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createTestDb, type TestDb } from "../testing/test-db";
import { authenticateUser } from "./authenticate-user";
import { createUser } from "./create-user";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await createUser({ email: "ada@example.com", displayName: "Ada", password: "correct horse" }, { db: t.db });
});
afterAll(async () => {
  await t.dispose();
});

describe("authenticateUser", () => {
  it("returns the user for the right password, whatever the email's case", async () => {
    const user = await authenticateUser({ email: "ADA@example.com", password: "correct horse" }, t.db);
    expect(user).toMatchObject({ email: "ada@example.com", displayName: "Ada", role: "student" });
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await authenticateUser({ email: "ada@example.com", password: "wrong horse" }, t.db).catch(
      (e: unknown) => e,
    );
    const unknown = await authenticateUser({ email: "bob@example.com", password: "correct horse" }, t.db).catch(
      (e: unknown) => e,
    );
    for (const error of [wrong, unknown]) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid-credentials");
    }
    expect((wrong as AppError).message).toBe((unknown as AppError).message);
  });

  it("reports empty fields as validation errors", async () => {
    const error = (await authenticateUser({ email: "", password: "" }, t.db).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("validation-failed");
    expect(error.fieldErrors.email).toBeDefined();
    expect(error.fieldErrors.password).toBeDefined();
  });
});
