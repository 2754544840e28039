import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { listMigrations, migratePostgres, PG_MIGRATIONS_DIR } from "../../prisma/postgres/migrate";
import { createDb, createPgDb, type Db } from "../db";

export type Backend = "sqlite" | "postgres";

export type TestDb = {
  backend: Backend;
  db: Db;
  /** The DATABASE_URL of this database (for child processes: workers, claimers, servers). */
  url: string;
  /** SQLite only: the file (null on PostgreSQL). */
  databaseFile: string;
  dispose: () => Promise<void>;
};

/**
 * The admin URL of the test PostgreSQL server (`.ci/run` starts one with
 * scripts/postgres-local.sh and sets it), or null: then the PostgreSQL flavour of each
 * integration test is skipped, and says so.
 */
export const TEST_POSTGRES_URL = process.env.INTERLEAVE_TEST_POSTGRES_URL || null;

/** The backends the integration tests run on here: SQLite always, PostgreSQL when a server is given. */
export const TEST_BACKENDS: readonly { backend: Backend; skip: string | null }[] = [
  { backend: "sqlite", skip: null },
  {
    backend: "postgres",
    skip: TEST_POSTGRES_URL ? null : "skipped: no INTERLEAVE_TEST_POSTGRES_URL (scripts/postgres-local.sh start)",
  },
];

/**
 * A throwaway database migrated with the committed migrations, exactly as production is. One per
 * test file: call in beforeAll, dispose in afterAll.
 * - sqlite: a fresh file, `prisma migrate deploy`;
 * - postgres: a fresh database copied from a template database that was migrated once
 *   (prisma/postgres/migrate.ts) and is named after the migrations, so it is rebuilt when they change.
 */
export async function createTestDb(backend: Backend = defaultBackend()): Promise<TestDb> {
  return backend === "postgres" ? createPgTestDb() : createSqliteTestDb();
}

/**
 * The backend of tests that do not choose one: SQLite, or PostgreSQL with
 * INTERLEAVE_TEST_BACKEND=postgres (and a server) — a way to run every integration test of
 * server/ on PostgreSQL: `INTERLEAVE_TEST_BACKEND=postgres npx vitest run server`.
 */
function defaultBackend(): Backend {
  return process.env.INTERLEAVE_TEST_BACKEND === "postgres" && TEST_POSTGRES_URL ? "postgres" : "sqlite";
}

async function createSqliteTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "interleave-test-"));
  const databaseFile = path.join(dir, "test.db");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: "pipe",
  });
  const db = createDb(databaseFile);
  return {
    backend: "sqlite",
    db,
    url: `file:${databaseFile}`,
    databaseFile,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TEMPLATE_LOCK = 1_702_018;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function templateName(): string {
  const hash = createHash("sha256");
  for (const name of listMigrations()) {
    hash.update(name);
    hash.update(readFileSync(path.join(PG_MIGRATIONS_DIR, name, "migration.sql")));
  }
  return `interleave_tpl_${hash.digest("hex").slice(0, 12)}`;
}

async function createPgTestDb(): Promise<TestDb> {
  if (!TEST_POSTGRES_URL) throw new Error("INTERLEAVE_TEST_POSTGRES_URL is not set");
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  const name = `interleave_test_${randomBytes(6).toString("hex")}`;
  const template = templateName();
  try {
    // Test files run in parallel forks: one builds the template, and copies never overlap it.
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      await migratePostgres(withDatabase(TEST_POSTGRES_URL, template));
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]).catch(() => {});
    await admin.end();
  }
  const url = withDatabase(TEST_POSTGRES_URL, name);
  const db = createPgDb(url, { poolSize: 4 });
  return {
    backend: "postgres",
    db,
    url,
    databaseFile: "",
    dispose: async () => {
      await db.$disconnect();
      const drop = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await drop.connect();
      try {
        // An autovacuum worker in the database can refuse FORCE to a role without
        // pg_signal_backend (a server set up elsewhere): it ends within moments, try again.
        for (let attempt = 1; ; attempt++) {
          try {
            await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== "42501" || attempt === 10) throw error;
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      } finally {
        await drop.end();
      }
    },
  };
}

const defaultHolder = globalThis as typeof globalThis & { interleaveDb?: Db };

/** Make `db` the process-wide client that getDb() returns (route handlers under test), or
 *  forget it (undefined). */
export function setDefaultDbForTests(db: Db | undefined): void {
  defaultHolder.interleaveDb = db;
}

/** A client whose database cannot be reached (nothing listens on port 1): every query fails the
 *  way it does while PostgreSQL is down. */
export function unreachableDb(): Db {
  return createPgDb("postgres://nobody:x@127.0.0.1:1/none", { poolSize: 1 });
}
