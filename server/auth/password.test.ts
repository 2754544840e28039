import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { BCRYPT_MAX_BYTES, checkPassword, hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with Argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await checkPassword("correct horse", hash)).toEqual({ matches: true, needsRehash: false });
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
  });

  it("never cuts a long password: the first 72 bytes alone do not match", async () => {
    const long = "x".repeat(BCRYPT_MAX_BYTES) + "-and-the-rest";
    const hash = await hashPassword(long);
    expect(await verifyPassword(long, hash)).toBe(true);
    expect(await verifyPassword("x".repeat(BCRYPT_MAX_BYTES), hash)).toBe(false);
  });

  it("accepts an old bcrypt hash and asks for a rehash", async () => {
    const legacy = await bcrypt.hash("correct horse", 4);
    expect(await checkPassword("correct horse", legacy)).toEqual({ matches: true, needsRehash: true });
    expect(await checkPassword("wrong horse", legacy)).toEqual({ matches: false, needsRehash: false });
  });

  it("refuses a password over 72 bytes against a bcrypt hash instead of truncating it", async () => {
    const prefix = "é".repeat(36); // 72 bytes in UTF-8
    const legacy = await bcrypt.hash(prefix, 4);
    expect(await bcrypt.compare(`${prefix}anything`, legacy)).toBe(true); // what bcrypt alone would do
    expect(await verifyPassword(`${prefix}anything`, legacy)).toBe(false);
    expect(await verifyPassword(prefix, legacy)).toBe(true);
  });

  it("matches nothing against the unusable hash or a malformed one", async () => {
    expect(await verifyPassword("", UNUSABLE_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword("x", "not a hash")).toBe(false);
    expect(await verifyPassword("x", "$argon2id$garbage")).toBe(false);
  });

  it("hashes on the thread pool: the event loop keeps turning while hashes run", async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`password ${i}`)));
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
  });
});
