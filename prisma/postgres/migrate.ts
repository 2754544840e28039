import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// Applies prisma/postgres/migrations/*/migration.sql in name order, each in its own transaction,
// recording what ran in "_interleave_migrations". Our own small runner rather than `prisma migrate
// deploy`, which fails on PostgreSQL through the driver adapter in Prisma 6.19.3 (prisma#27403)
// and, once patched (SafePg), still idles 10+ s per call: this one takes milliseconds, so every
// test file can migrate its own database. An advisory lock serialises concurrent starters (two
// `npm run worker` on two machines starting at once).

export const PG_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "migrations");
const LOCK_KEY = 1_702_017; // any constant: "interleave migrations"

export type MigrationRun = { applied: string[]; skipped: number };

export function listMigrations(dir = PG_MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function migratePostgres(connectionString: string, dir = PG_MIGRATIONS_DIR): Promise<MigrationRun> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_interleave_migrations" ("name" text PRIMARY KEY, "appliedAt" timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ name: string }>(`SELECT "name" FROM "_interleave_migrations"`)).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const name of listMigrations(dir)) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_interleave_migrations" ("name") VALUES ($1)`, [name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`PostgreSQL migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    return { applied, skipped: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

// `node --import tsx prisma/postgres/migrate.ts` (npm run db:deploy on a postgres:// DATABASE_URL).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    console.error("DATABASE_URL must be a postgres:// URL");
    process.exit(2);
  }
  const { applied, skipped } = await migratePostgres(url);
  console.log(
    `PostgreSQL migrations: ${applied.length} applied${applied.length ? ` (${applied.join(", ")})` : ""}, ${skipped} already there`,
  );
}
