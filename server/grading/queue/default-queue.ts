import type PgBoss from "pg-boss";
import { getDb, type Db } from "../../db";
import { getEnv } from "../../env";
import type { GradingQueue } from "./grading-queue";
import { localGradingQueue } from "./local-queue";
import { pgBossGradingQueue, startPgBoss } from "./pg-boss-queue";

// The app's queue for this deployment: the Submission table on SQLite (embedded default), pg-boss
// on PostgreSQL. The web server only sends, so its pg-boss runs no maintenance (supervise: false);
// the workers do that.

const holder = globalThis as typeof globalThis & { interleaveSendBoss?: Promise<PgBoss> };

function sendingBoss(): Promise<PgBoss> {
  const env = getEnv();
  holder.interleaveSendBoss ??= startPgBoss({
    connectionString: env.DATABASE_URL,
    leaseMs: env.GRADING_LEASE_SECONDS * 1_000,
    supervise: false,
    poolSize: 2,
  }).catch((error: unknown) => {
    holder.interleaveSendBoss = undefined; // the database was away: try again next time
    throw error;
  });
  return holder.interleaveSendBoss;
}

export function defaultGradingQueue(db: Db = getDb()): GradingQueue {
  if (getEnv().databaseKind === "sqlite") return localGradingQueue(db);
  return { enqueue: async (submissionId) => pgBossGradingQueue(await sendingBoss(), db).enqueue(submissionId) };
}
