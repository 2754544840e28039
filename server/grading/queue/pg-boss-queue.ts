import PgBoss from "pg-boss";
import { getDb, type Db } from "../../db";
import { AppError } from "../../errors";
import { claimSubmission } from "./claim-submission";
import { EXHAUSTED_MESSAGE, failExhaustedJobs } from "./claim-next-job";
import { completeJob } from "./complete-job";
import type { ClaimedJob, EnqueueOutcome, GradingJobs, GradingQueue } from "./grading-queue";
import { MAX_ATTEMPTS } from "./grading-queue";
import { DEFAULT_LEASE_MS } from "./queue-options";
import { releaseJob } from "./release-job";
import { renewLease } from "./renew-lease";
import { STRANDED_AFTER_MS } from "./enqueue-stranded";

// The PostgreSQL backend (issue 17): the same two interfaces as local-queue.ts, on pg-boss 10.
// Why pg-boss rather than graphile-worker (both measured here, shared/notes/postgres-lab.md §3):
//  - a killed worker's job comes back through pg-boss's own expiration (expireInSeconds plus the
//    maintenance interval: seconds), where graphile-worker 0.16 only frees a lock after 4 hours
//    (hard-coded) unless we force-unlock recorded worker ids ourselves;
//  - retries (retryLimit) and dead letters (deadLetter) are queue policies, and `fetch` lets OUR
//    loop claim (the worker loop of grading-worker.ts is shared by both backends), where
//    graphile-worker wants to own the loop (run + task list);
//  - graphile-worker's current line needs Node >= 22.18; we run on Node 20.
// The traps it has are handled here: queues are created (or updated) at start and every send's
// id is checked (a send to a missing queue returns null and stores nothing); we claim with
// fetch() in our own loop, so its 2-jobs/s work() throttle never applies.
//
// The Submission row stays the record of what was submitted and how it ended; pg-boss delivers.
// A delivery whose row is no longer claimable (graded, or held by a live worker) is dropped, so a
// duplicate send is harmless; that is what makes enqueue idempotent and the sweep safe.
//
// Lanes and fairness: one pg-boss queue per lane ("grading-run" is fetched before
// "grading-submit", so a Run waits for at most the gradings in progress); within a lane a job's
// priority is minus its round (how many of its user's jobs of that lane were pending when it was
// sent), and pg-boss fetches by priority first: one user's burst of 20 is rounds 0..19, another
// user's first submission is round 0 and goes next (fair-claim.test.ts, on both backends).
//
// Leases: pg-boss 10 has no heartbeat, so renewLease also moves the job's started_on forward
// (pg-boss expires an active job when started_on + expire_in has passed). A worker that dies
// stops renewing: after leaseMs, maintenance (every maintenanceIntervalSeconds) fails the job by
// timeout and pg-boss retries it (retryLimit = MAX_ATTEMPTS - 1); a job out of retries goes to
// the dead-letter queue, which every worker's sweep drains into a `failed` submission.

export const LANE_QUEUES = { run: "grading-run", submit: "grading-submit" } as const;
export const DEAD_LETTER_QUEUE = "grading-dead";
const SCHEMA = "pgboss";

type Lane = keyof typeof LANE_QUEUES;
type JobData = { submissionId: string };

export type PgBossOptions = {
  connectionString: string;
  /** How long a silent worker keeps its job (GRADING_LEASE_SECONDS). */
  leaseMs?: number;
  /** How often pg-boss looks for expired jobs: a dead worker's job is back within leaseMs + this. */
  maintenanceIntervalSeconds?: number;
  /** The web server only sends: no maintenance there. */
  supervise?: boolean;
  poolSize?: number;
};

/** Start pg-boss and make sure the queues exist with our policies (idempotent, safe to race). */
export async function startPgBoss({
  connectionString,
  leaseMs = DEFAULT_LEASE_MS,
  maintenanceIntervalSeconds = 5,
  supervise = true,
  poolSize = 4,
}: PgBossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    schema: SCHEMA,
    max: poolSize,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds,
  });
  boss.on("error", (error: Error) => console.error(`pg-boss: ${error.message}`));
  await boss.start();
  const expireInSeconds = Math.max(1, Math.round(leaseMs / 1_000));
  await ensureQueue(boss, DEAD_LETTER_QUEUE, { retryLimit: 0, expireInSeconds: 60 });
  for (const name of Object.values(LANE_QUEUES)) {
    await ensureQueue(boss, name, {
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: 0,
      expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  }
  return boss;
}

async function ensureQueue(boss: PgBoss, name: string, policy: Omit<PgBoss.Queue, "name">): Promise<void> {
  const options: PgBoss.Queue = { name, ...policy };
  if (await boss.getQueue(name)) return boss.updateQueue(name, options);
  try {
    await boss.createQueue(name, options);
  } catch (error) {
    // Another process created it between our look and our insert.
    if (!(await boss.getQueue(name))) throw error;
    await boss.updateQueue(name, options);
  }
}

/** Send a submission's job; never silently dropped (pg-boss returns null for a missing queue). */
async function sendJob(boss: PgBoss, db: Db, submissionId: string): Promise<void> {
  const row = await db.submission.findUnique({ where: { id: submissionId }, select: { userId: true, kind: true } });
  if (!row) return;
  const lane: Lane = row.kind === "run" ? "run" : "submit";
  const round = await db.submission.count({
    where: {
      userId: row.userId,
      kind: row.kind,
      id: { not: submissionId },
      OR: [{ status: "running" }, { status: "queued", enqueuedAt: { not: null } }],
    },
  });
  const id = await boss.send(LANE_QUEUES[lane], { submissionId } satisfies JobData, { priority: -round });
  if (id === null)
    throw new Error(`pg-boss refused the job of ${submissionId} (is the queue ${LANE_QUEUES[lane]} there?)`);
}

export function pgBossGradingQueue(boss: PgBoss, db: Db = getDb()): GradingQueue {
  return {
    async enqueue(submissionId): Promise<EnqueueOutcome> {
      const row = await db.submission.findUnique({ where: { id: submissionId }, select: { enqueuedAt: true } });
      if (!row) throw new AppError("not-found", "There is no such submission.");
      if (row.enqueuedAt !== null) return "already-enqueued";
      // Send first, then mark: a crash in between leaves the row un-enqueued and the sweep sends
      // again; a second delivery of one submission is dropped by the claim.
      await sendJob(boss, db, submissionId);
      const { count } = await db.submission.updateMany({
        where: { id: submissionId, enqueuedAt: null },
        data: { enqueuedAt: new Date() },
      });
      return count === 1 ? "enqueued" : "already-enqueued";
    },
  };
}

export function pgBossGradingJobs(
  boss: PgBoss,
  { db = getDb(), leaseMs = DEFAULT_LEASE_MS }: { db?: Db; leaseMs?: number } = {},
): GradingJobs {
  // Which pg-boss job carries each submission this worker holds.
  const deliveries = new Map<string, { queue: string; jobId: string }>();
  const key = (job: ClaimedJob) => `${job.submissionId}#${job.attempts}`;

  async function claimFrom(queue: string, workerId: string): Promise<ClaimedJob | null | "empty"> {
    const [delivery] = await boss.fetch<JobData>(queue, { batchSize: 1 });
    if (!delivery) return "empty";
    const job = await claimSubmission(delivery.data.submissionId, workerId, { db, leaseMs });
    if (!job) {
      await boss.complete(queue, delivery.id); // graded already, or a live worker has it
      return null;
    }
    deliveries.set(key(job), { queue, jobId: delivery.id });
    return job;
  }

  async function settle(job: ClaimedJob, how: "complete" | "fail"): Promise<void> {
    const delivery = deliveries.get(key(job));
    if (!delivery) return;
    deliveries.delete(key(job));
    if (how === "complete") await boss.complete(delivery.queue, delivery.jobId);
    else await boss.fail(delivery.queue, delivery.jobId);
  }

  return {
    async claimNextJob(workerId) {
      for (const queue of [LANE_QUEUES.run, LANE_QUEUES.submit]) {
        // A few stale deliveries in a row are dropped; then the next lane gets its turn.
        for (let i = 0; i < 8; i++) {
          const job = await claimFrom(queue, workerId);
          if (job === "empty") break;
          if (job) return job;
        }
      }
      return null;
    },
    async renewLease(job, workerId) {
      const ours = await renewLease(job, workerId, { db, leaseMs });
      const delivery = deliveries.get(key(job));
      if (ours && delivery) {
        // pg-boss 10 has no heartbeat: keep its expiration in step with our lease.
        await db.$executeRawUnsafe(
          `UPDATE ${SCHEMA}.job SET started_on = now() WHERE name = $1 AND id = $2::uuid AND state = 'active'`,
          delivery.queue,
          delivery.jobId,
        );
      }
      return ours;
    },
    async completeJob(job, workerId, result) {
      const stored = await completeJob(job, workerId, result, { db });
      await settle(job, "complete");
      return stored;
    },
    async releaseJob(job, workerId, reason) {
      const outcome = await releaseJob(job, workerId, reason, { db });
      if (outcome === "requeued") {
        // Back in line: a fresh delivery (pg-boss's own retry would count a stop as a failure).
        await settle(job, "complete");
        await sendJob(boss, db, job.submissionId);
      } else {
        await settle(job, outcome === "failed" ? "complete" : "fail");
      }
      return outcome;
    },
    async enqueueStranded() {
      const now = new Date();
      const stranded = await db.submission.findMany({
        where: {
          status: "queued",
          enqueuedAt: null,
          createdAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) },
        },
        select: { id: true },
        take: 100,
      });
      const queue = pgBossGradingQueue(boss, db);
      for (const { id } of stranded) await queue.enqueue(id);
      // The safety net under pg-boss's expiry: a job whose lease ran out long ago and that no
      // delivery brought back (its delivery was dropped as a duplicate while the lease still
      // held) is sent again; one out of attempts is failed.
      const orphans = await db.submission.findMany({
        where: {
          status: "running",
          attempts: { lt: MAX_ATTEMPTS },
          leaseExpiresAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) },
        },
        select: { id: true },
        take: 100,
      });
      for (const { id } of orphans) await sendJob(boss, db, id);
      const exhausted = await failExhaustedJobs({ db, now: new Date(now.getTime() - STRANDED_AFTER_MS) });
      return stranded.length + orphans.length + exhausted + (await drainDeadLetters(boss, db));
    },
  };
}

/** Jobs pg-boss gave up on (out of retries): their submissions are failed, with the message. */
export async function drainDeadLetters(boss: PgBoss, db: Db, now = new Date()): Promise<number> {
  let drained = 0;
  for (;;) {
    const dead = await boss.fetch<JobData>(DEAD_LETTER_QUEUE, { batchSize: 20 });
    if (dead.length === 0) return drained;
    await db.submission.updateMany({
      where: { id: { in: dead.map((job) => job.data.submissionId) }, status: { in: ["queued", "running"] } },
      data: { status: "failed", error: EXHAUSTED_MESSAGE, finishedAt: now, leaseExpiresAt: null },
    });
    await boss.complete(
      DEAD_LETTER_QUEUE,
      dead.map((job) => job.id),
    );
    drained += dead.length;
  }
}
