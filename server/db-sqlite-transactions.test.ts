// SQLite's interactive transactions begin IMMEDIATE (server/db.ts): a transaction that reads
// and then writes is never refused at its write because another process committed in between
// (SQLITE_BUSY on a stale snapshot, which no busy wait can fix). The other process plays
// against the file through its own better-sqlite3 connection, with a short busy timeout.

import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./testing/test-db";

// The driver the Prisma adapter pulls in (no types of its own in the lock file): what is used.
type Connection = { pragma(s: string): unknown; prepare(sql: string): { run(): unknown }; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (
  file: string,
  options: { timeout: number },
) => Connection;

describe("an interactive transaction on SQLite that reads, then writes", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("sqlite");
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("holds the write lock from its start: another writer waits, not the transaction", async () => {
    const other = new Database(t.databaseFile, { timeout: 100 });
    try {
      other.pragma("journal_mode = WAL");
      let otherWrite: unknown = null;
      await t.db.$transaction(async (tx) => {
        const before = await tx.user.count();
        // Another process writes while this transaction is between its read and its write.
        try {
          other
            .prepare(
              "INSERT INTO User (id, email, displayName, passwordHash, role, createdAt) VALUES ('u1', 'a@b.c', 'A', 'x', 'student', 0)",
            )
            .run();
        } catch (error) {
          otherWrite = error;
        }
        await tx.user.create({ data: { email: "me@b.c", displayName: "Me", passwordHash: "x" } });
        expect(await tx.user.count()).toBe(before + 1);
      });
      // The other writer was made to wait (and gave up after its 100 ms): the transaction won.
      expect((otherWrite as { code?: string } | null)?.code).toBe("SQLITE_BUSY");
      expect(await t.db.user.count()).toBe(1);
    } finally {
      other.close();
    }
  });
});
