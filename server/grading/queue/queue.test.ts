import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { claimNextJob, EXHAUSTED_MESSAGE } from "./claim-next-job";
import { completeJob } from "./complete-job";
import { enqueueStranded, STRANDED_AFTER_MS } from "./enqueue-stranded";
import { enqueueSubmission } from "./enqueue-submission";
import { MAX_ATTEMPTS } from "./grading-queue";
import { localGradingJobs, localGradingQueue } from "./local-queue";
import { releaseJob } from "./release-job";
import { renewLease } from "./renew-lease";

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb("sqlite");
  const user = await t.db.user.create({ data: { email: "q@example.com", displayName: "Q", passwordHash: "x" } });
  userId = user.id;
  await t.db.exercise.create({
    data: {
      id: "ex-queue",
      slug: "queue-exercise",
      title: "Queue",
      chapter: 3,
      difficulty: "easy",
      points: 10,
      tags: "[]",
      summary: "",
      statementMd: "",
      starterCode: "",
    },
  });
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.submission.deleteMany();
});

const T0 = new Date("2026-01-01T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 30_000;

async function stored(code = "// solution", createdAt = T0): Promise<string> {
  const row = await t.db.submission.create({ data: { userId, exerciseId: "ex-queue", code, createdAt } });
  return row.id;
}

async function queued(createdAt = T0): Promise<string> {
  const id = await stored(`// ${createdAt.toISOString()}`, createdAt);
  await enqueueSubmission(id, { db: t.db, now: createdAt });
  return id;
}

const row = (id: string) => t.db.submission.findUniqueOrThrow({ where: { id } });

describe("enqueue", () => {
  it("is idempotent: one job, its place in line kept, a graded submission never re-queued", async () => {
    const id = await stored();
    const queue = localGradingQueue(t.db);
    expect(await queue.enqueue(id)).toBe("enqueued");
    const first = (await row(id)).enqueuedAt;
    expect(await queue.enqueue(id)).toBe("already-enqueued");
    expect((await row(id)).enqueuedAt).toEqual(first);

    const job = await claimNextJob("w1", { db: t.db });
    expect(job?.submissionId).toBe(id);
    expect(await claimNextJob("w2", { db: t.db })).toBeNull();
    await completeJob(job!, "w1", { verdict: "passed", score: 1, maxScore: 1, reportJson: "{}" }, { db: t.db });
    expect(await queue.enqueue(id)).toBe("already-enqueued");
    expect(await claimNextJob("w2", { db: t.db })).toBeNull();
    expect((await row(id)).status).toBe("done");
  });

  it("refuses an unknown submission with a code", async () => {
    await expect(enqueueSubmission("nope", { db: t.db })).rejects.toMatchObject({ code: "not-found" });
  });

  it("a stored submission is not claimable until enqueued; the worker's sweep enqueues stranded ones", async () => {
    const id = await stored("// left behind", T0);
    expect(await claimNextJob("w1", { db: t.db, now: at(1_000) })).toBeNull();
    expect(await enqueueStranded({ db: t.db, now: at(STRANDED_AFTER_MS - 1) })).toBe(0);
    expect(await enqueueStranded({ db: t.db, now: at(STRANDED_AFTER_MS + 1) })).toBe(1);
    expect((await claimNextJob("w1", { db: t.db, now: at(STRANDED_AFTER_MS + 2) }))?.submissionId).toBe(id);
  });
});

describe("claimNextJob", () => {
  it("claims the oldest job first, marks it running with a lease, and each job once", async () => {
    const second = await queued(at(2));
    const first = await queued(at(1));
    const job = await claimNextJob("w1", { db: t.db, now: at(10), leaseMs: LEASE });
    expect(job).toMatchObject({ submissionId: first, attempts: 1, exerciseId: "ex-queue" });
    expect(await row(first)).toMatchObject({
      status: "running",
      workerId: "w1",
      attempts: 1,
      claimedAt: at(10),
      leaseExpiresAt: at(10 + LEASE),
    });
    expect((await claimNextJob("w2", { db: t.db, now: at(11) }))?.submissionId).toBe(second);
    expect(await claimNextJob("w3", { db: t.db, now: at(12) })).toBeNull();
  });

  it("gives a job whose lease expired to another worker, attempts + 1; the first worker's result is dropped", async () => {
    const id = await queued();
    const dead = await claimNextJob("w-dead", { db: t.db, now: at(0), leaseMs: LEASE });
    expect(await claimNextJob("w2", { db: t.db, now: at(LEASE - 1), leaseMs: LEASE })).toBeNull();

    const again = await claimNextJob("w2", { db: t.db, now: at(LEASE + 1), leaseMs: LEASE });
    expect(again).toMatchObject({ submissionId: id, attempts: 2 });
    expect(await row(id)).toMatchObject({ status: "running", workerId: "w2", attempts: 2 });

    // The first worker comes back from the dead: it no longer owns the job.
    const result = { verdict: "race", score: 0, maxScore: 1, reportJson: "{}" };
    expect(await renewLease(dead!, "w-dead", { db: t.db })).toBe(false);
    expect(await completeJob(dead!, "w-dead", result, { db: t.db })).toBe(false);
    expect(await releaseJob(dead!, "w-dead", { kind: "shutdown" }, { db: t.db })).toBe("lost");
    expect(await t.db.gradingResult.count()).toBe(0);
    expect(await completeJob(again!, "w2", result, { db: t.db })).toBe(true);
    expect(await row(id)).toMatchObject({ status: "done", leaseExpiresAt: null });
    expect(await t.db.gradingResult.findUniqueOrThrow({ where: { submissionId: id } })).toMatchObject({
      verdict: "race",
      score: 0,
      maxScore: 1,
    });
  });

  it(`fails a job after ${MAX_ATTEMPTS} attempts whose workers all died, with a clear message`, async () => {
    const id = await queued();
    let now = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const job = await claimNextJob(`w${attempt}`, { db: t.db, now: at(now), leaseMs: LEASE });
      expect(job).toMatchObject({ submissionId: id, attempts: attempt });
      now += LEASE + 1; // the worker dies: its lease runs out
    }
    expect(await claimNextJob("w-last", { db: t.db, now: at(now), leaseMs: LEASE })).toBeNull();
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, error: EXHAUSTED_MESSAGE });
    expect((await row(id)).finishedAt).toEqual(at(now));
  });

  it("keeps a job alive while its worker renews the lease", async () => {
    await queued();
    const job = await claimNextJob("w1", { db: t.db, now: at(0), leaseMs: LEASE });
    expect(await renewLease(job!, "w1", { db: t.db, now: at(LEASE - 1), leaseMs: LEASE })).toBe(true);
    expect(await claimNextJob("w2", { db: t.db, now: at(LEASE + 1), leaseMs: LEASE })).toBeNull();
  });

  it("never hands one job to two processes racing on the same SQLite file", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 120; i++) ids.add(await queued(at(i)));
    const run = promisify(execFile);
    const script = path.join(import.meta.dirname, "testing", "claim-until-empty.ts");
    const startAt = String(Date.now() + 2_500); // after both processes have started
    const claimers = ["claimer-a", "claimer-b"].map((worker) =>
      run(process.execPath, ["--import", "tsx", script, t.databaseFile, worker, startAt], { cwd: process.cwd() }),
    );
    const [a, b] = (await Promise.all(claimers)).map(({ stdout }) => JSON.parse(stdout.trim()) as string[]);
    const all = [...a!, ...b!];
    expect(new Set(all).size).toBe(all.length); // nobody claimed a job twice, nor two claimers the same job
    expect(new Set(all)).toEqual(ids); // and every job was claimed
    const rows = await t.db.submission.findMany({ select: { id: true, workerId: true, attempts: true } });
    for (const r of rows) {
      expect(r.attempts).toBe(1);
      expect(r.workerId).toBe(a!.includes(r.id) ? "claimer-a" : "claimer-b");
    }
    console.log(`two claimers: ${a!.length} + ${b!.length} jobs`);
  });
});

describe("releaseJob", () => {
  it("puts a job back without spending the attempt when the worker stops", async () => {
    const id = await queued();
    const job = await claimNextJob("w1", { db: t.db });
    expect(await releaseJob(job!, "w1", { kind: "shutdown" }, { db: t.db })).toBe("requeued");
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 0, workerId: null, leaseExpiresAt: null });
    expect(await claimNextJob("w2", { db: t.db })).toMatchObject({ submissionId: id, attempts: 1 });
  });

  it(`retries after an error and fails on the ${MAX_ATTEMPTS}rd, keeping the message`, async () => {
    const id = await queued();
    const jobs = localGradingJobs({ db: t.db });
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const job = await jobs.claimNextJob("w1");
      expect(await jobs.releaseJob(job!, "w1", { kind: "error", message: "boom" })).toBe("requeued");
    }
    const last = await jobs.claimNextJob("w1");
    expect(last?.attempts).toBe(MAX_ATTEMPTS);
    expect(await jobs.releaseJob(last!, "w1", { kind: "error", message: "boom" })).toBe("failed");
    expect(await row(id)).toMatchObject({ status: "failed", error: "boom" });
    expect(await jobs.claimNextJob("w1")).toBeNull();
  });

  it("fails at once when retrying cannot help", async () => {
    const id = await queued();
    const job = await claimNextJob("w1", { db: t.db });
    expect(await releaseJob(job!, "w1", { kind: "permanent", message: "no such exercise" }, { db: t.db })).toBe(
      "failed",
    );
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1, error: "no such exercise" });
  });
});
