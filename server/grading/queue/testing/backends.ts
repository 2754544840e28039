import type PgBoss from "pg-boss";
import type { TestDb } from "../../../testing/test-db";
import type { GradingJobs, GradingQueue } from "../grading-queue";
import { localGradingJobs, localGradingQueue } from "../local-queue";
import { pgBossGradingJobs, pgBossGradingQueue, startPgBoss } from "../pg-boss-queue";

/** The queue of a test database, whichever backend it is on: the Submission table on SQLite,
 *  pg-boss on PostgreSQL (as a deployment would pick it). */
export type TestQueue = { queue: GradingQueue; jobs: GradingJobs; boss: PgBoss | null; close: () => Promise<void> };

export async function openTestQueue(
  t: TestDb,
  { leaseMs = 30_000, maintenanceIntervalSeconds = 1 }: { leaseMs?: number; maintenanceIntervalSeconds?: number } = {},
): Promise<TestQueue> {
  if (t.backend === "sqlite") {
    return {
      queue: localGradingQueue(t.db),
      jobs: localGradingJobs({ db: t.db, leaseMs }),
      boss: null,
      close: async () => {},
    };
  }
  const boss = await startPgBoss({ connectionString: t.url, leaseMs, maintenanceIntervalSeconds });
  return {
    queue: pgBossGradingQueue(boss, t.db),
    jobs: pgBossGradingJobs(boss, { db: t.db, leaseMs }),
    boss,
    close: () => boss.stop({ graceful: false, wait: true }),
  };
}
