import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { ensureDatabaseFolder, getEnv } from "./env";

// The only module that constructs a Prisma client. Everything else in server/ receives a
// `Db` (defaulting to the process-wide one), which is how tests hand in a throwaway database.
export type Db = PrismaClient;

export function createDb(databaseFile: string): Db {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseFile }) });
}

// One client per process. `next dev` re-evaluates modules on every edit, so the client is kept
// on globalThis to avoid opening a new connection each time.
const holder = globalThis as typeof globalThis & { interleaveDb?: Db };

export function getDb(): Db {
  if (!holder.interleaveDb) {
    const env = getEnv();
    ensureDatabaseFolder(env);
    holder.interleaveDb = createDb(env.databaseFile);
  }
  return holder.interleaveDb;
}
