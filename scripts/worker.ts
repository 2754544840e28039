// `npm run worker` (also started by `npm start`, once per GRADING_WORKERS): a grading worker
// process. It claims submissions from the grading queue, grades them in its own sandbox
// processes (grader/'s SandboxPool forks them with --no-node-snapshot) and stores the results.
// SIGTERM / SIGINT: stop claiming, let the current job finish for a few seconds, else put it
// back in line; then close the pool and exit 0. A second signal (2 s or more later) stops at once.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { SandboxPool, warmUpTypecheck } from "../grader/index";
import { getDb } from "../server/db";
import { getEnv } from "../server/env";
import { startGradingWorker, warmUpPool } from "../server/grading/grading-worker";
import { keepFromSandbox, sqliteFiles } from "../server/grading/keep-from-sandbox";
import type { GradingJobs } from "../server/grading/queue/grading-queue";
import { localGradingJobs } from "../server/grading/queue/local-queue";
import { runNextValidation } from "../server/grading/validation-jobs";
import { pgBossGradingJobs, startPgBoss } from "../server/grading/queue/pg-boss-queue";
import { runNextScheduleStep } from "../server/grading/run-next-schedule-step";

/** Niceness of the sandbox processes (bench:load measured page p95 in seconds without it). */
const SANDBOX_NICENESS = 10;
const env = { ...getEnv(), ...(process.env.GRADING_POOL_SIZE ? {} : { GRADING_POOL_SIZE: SandboxPool.defaultSize() }) };
const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const log = (line: string) => console.log(`[worker ${process.pid}] ${line}`);
const db = getDb();

const leaseMs = env.GRADING_LEASE_SECONDS * 1_000;
// SQLite (embedded default): the queue is the Submission table. Readers (the web server polling
// results) and this writer no longer block each other in WAL mode; the setting is stored in the
// database file, so it holds for every process that opens it.
// PostgreSQL: pg-boss delivers, with its expiry, retries and dead letters (pg-boss-queue.ts).
let jobs: GradingJobs;
let stopBoss = async () => {};
if (env.databaseKind === "sqlite") {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  jobs = localGradingJobs({ db, leaseMs });
} else {
  const boss = await startPgBoss({
    connectionString: env.DATABASE_URL,
    leaseMs,
    maintenanceIntervalSeconds: env.GRADING_MAINTENANCE_SECONDS,
  });
  jobs = pgBossGradingJobs(boss, { db, leaseMs });
  stopBoss = () => boss.stop({ graceful: false, wait: true });
  log("queue: pg-boss on PostgreSQL");
}

// Pages before grading: the sandboxes (the computing) yield the CPU to the web server when both
// want it; this process stays at the server's priority, since it holds the database's write
// lock for moments and must not be starved while it does (scripts/start.mjs, issue 17).
const pool = new SandboxPool({ size: env.GRADING_POOL_SIZE, taskTimeoutMs: 120_000, niceness: SANDBOX_NICENESS });
// What a sandbox can reach here: nobody with no network when this worker runs as root
// (`npm start` as root), else this user's rights and network (grader/workers/isolation.ts).
log(pool.isolation.summary);
// ... and nobody must not read the database (Prisma creates it 0644) or a .env.
const secrets = [...(env.databaseFile ? sqliteFiles(env.databaseFile) : []), path.resolve(".env")];
for (const file of keepFromSandbox(secrets, pool.isolation))
  log(`${path.relative(process.cwd(), file)}: readable by its owner only now (the sandbox runs as another user)`);
const exercisesDir = path.resolve(env.EXERCISES_DIR);

let stopping = false;
let stoppingSince = 0;
let worker: ReturnType<typeof startGradingWorker> | null = null;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    // Ctrl+C reaches this process twice (from the terminal and from npm start): only a signal
    // sent later, on purpose, means "now".
    if (Date.now() - stoppingSince < 2_000) return;
    log(`${signal} again: stopping now`);
    process.exit(1);
  }
  stopping = true;
  stoppingSince = Date.now();
  log(`${signal}: stopping`);
  await worker?.stop();
  await pool.close();
  await stopBoss();
  await db.$disconnect();
  log("stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));

const warming = performance.now();
const poolReady = warmUpPool(pool, env.GRADING_POOL_SIZE);
// While the sandboxes boot: the type check's cold start (seconds), not in the first submission.
warmUpTypecheck();
await poolReady;
log(
  `${env.GRADING_POOL_SIZE} sandbox process(es) and the type check ready in ${Math.round(performance.now() - warming)} ms`,
);
if (!stopping) {
  worker = startGradingWorker({
    jobs,
    pool,
    workerId,
    exercisesDir,
    db,
    pollMs: env.GRADING_POLL_MS,
    leaseMs,
    deadlineMs: env.GRADING_DEADLINE_SECONDS * 1_000,
    log,
    // Validations of browser-authored exercises, when no submission waits.
    whenIdle: () => runNextValidation({ db, pool, workerId, log }),
    // "You are the scheduler" steps (issue 14), before any submission.
    first: () => runNextScheduleStep({ db, pool, workerId, exercisesDir, log }),
  });
  log(`grading submissions from ${path.relative(process.cwd(), exercisesDir) || "."} as ${workerId}`);
}
