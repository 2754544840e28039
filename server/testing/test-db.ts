import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "../db";

export type TestDb = { db: Db; databaseFile: string; dispose: () => Promise<void> };

/**
 * A throwaway SQLite file migrated with the committed migrations (`prisma migrate deploy`),
 * exactly as production is. One per test file: call in beforeAll, dispose in afterAll.
 */
export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "interleave-test-"));
  const databaseFile = path.join(dir, "test.db");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: "pipe",
  });
  const db = createDb(databaseFile);
  return {
    db,
    databaseFile,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
