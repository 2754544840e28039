import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@prisma/client";
import { databaseKindOf, ensureDatabaseFolder, getEnv } from "./env";

// The only module that constructs a Prisma client. Everything else in server/ receives a
// `Db` (defaulting to the process-wide one), which is how tests hand in a throwaway database.
//
// Two clients, one model: @prisma/client is generated from prisma/schema.prisma (SQLite, the
// embedded default) and .prisma/client-pg from prisma/postgres/schema.prisma, which is derived
// from it (same models: prisma/postgres/derive-schema.ts, kept in step by schema.test.ts). Their
// APIs are the same, so the PostgreSQL client is typed as the SQLite one's.
export type Db = PrismaClient;

export function createDb(databaseFile: string): Db {
  return new PrismaClient({ adapter: new ImmediateSQLite({ url: databaseFile }) });
}

/**
 * SQLite with interactive transactions that begin IMMEDIATE. The adapter begins them DEFERRED:
 * a transaction that reads, then writes, holds only a snapshot until its first write, and if
 * another process (a grading worker) committed meanwhile, that write fails at once with
 * SQLITE_BUSY, without waiting (seen in CI: an instructor's save answered 500 while the worker
 * stored a validation). IMMEDIATE takes the write lock at BEGIN, where a busy wait applies.
 */
class ImmediateSQLite extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  }
}

type PgClientModule = { PrismaClient: new (options: { adapter: PrismaPg }) => Db; Prisma: typeof Prisma };

// Each generated client has its own runtime, and a raw query recognises only its own client's
// `Prisma.sql` fragments: a fragment of the other one is sent as a parameter ("syntax error at
// or near $1"). Raw SQL that nests fragments builds them with sqlFor(db).
const namespaces = new WeakMap<object, typeof Prisma>();

/** The `Prisma` namespace (sql, join, empty, raw) of the client `db` is. */
export function sqlFor(db: Db): typeof Prisma {
  return namespaces.get(db) ?? Prisma;
}

/** A client on PostgreSQL (`postgres://…`). The generated client is loaded only when asked for,
 *  so the embedded default never needs it. */
export function createPgDb(url: string, { poolSize = 10 }: { poolSize?: number } = {}): Db {
  const load = createRequire(import.meta.url);
  const { PrismaClient: PgClient, Prisma: PgPrisma } = load(PG_CLIENT_MODULE) as PgClientModule;
  // connectionTimeoutMillis: with the database gone, a request fails in 5 s (a 503), not never.
  const db = new PgClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 }),
  });
  namespaces.set(db, PgPrisma);
  return db;
}

const PG_CLIENT_MODULE = ".prisma/client-pg";

/** A client for a DATABASE_URL of either kind. */
export function createDbForUrl(url: string, file: string | null): Db {
  return databaseKindOf(url) === "postgres" ? createPgDb(url) : createDb(file ?? url.replace(/^file:/, ""));
}

// One client per process. `next dev` re-evaluates modules on every edit, so the client is kept
// on globalThis to avoid opening a new connection each time.
const holder = globalThis as typeof globalThis & { interleaveDb?: Db };

export function getDb(): Db {
  if (!holder.interleaveDb) {
    const env = getEnv();
    ensureDatabaseFolder(env);
    holder.interleaveDb = createDbForUrl(env.DATABASE_URL, env.databaseFile);
  }
  return holder.interleaveDb;
}
