import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { createDb, type Db } from "../db";
import { createTestDb, TEST_BACKENDS, type TestDb } from "../testing/test-db";
import { startTcpProxy } from "../testing/tcp-proxy";
import { syncExercises } from "./sync-exercises";
import { openTestQueue, type TestQueue } from "./queue/testing/backends";
import { startWorkerProcess, until, type WorkerProcess } from "./testing/worker-process";

// Issue 17's faults, each on both backends, with real worker processes (scripts/worker.ts):
//  - kill -9 of a worker mid-job: the job is graded once, by another worker;
//  - the whole app restarted with jobs queued: all graded;
//  - the database gone for a few seconds: nothing lost once it returns;
//  - a submission that crashes its sandbox does not poison the others.
// Leases are 5 s and pg-boss maintenance runs every second here (env of startWorkerProcess).

const EXERCISES = path.resolve("exercises");
const COUNTER = path.join(EXERCISES, "shared-counter");
const REFERENCE = readFileSync(path.join(COUNTER, "reference.ts"), "utf8");
// Type-checks, then spins until the grading deadline: a job that stays "running" for seconds.
const LOOPING = REFERENCE.replace("const workers = [];", "while (threads > 0) { /* spin */ }\n  const workers = [];");
// Allocates until the sandbox's memory limit ends it.
const MEMORY_BOMB = REFERENCE.replace(
  "const workers = [];",
  "const hog: number[][] = [];\n  while (threads > 0) hog.push(new Array(1_000_000).fill(threads));\n  const workers = [];",
);

for (const { backend, skip } of TEST_BACKENDS) {
  describe.skipIf(skip !== null)(`grading faults on ${backend}${skip ? ` (${skip})` : ""}`, () => {
    let t: TestDb;
    let q: TestQueue;
    let userId: string;
    const workers: WorkerProcess[] = [];
    beforeAll(async () => {
      t = await createTestDb(backend);
      q = await openTestQueue(t, { leaseMs: 5_000 });
      await syncExercises(EXERCISES, t.db);
      userId = (await t.db.user.create({ data: { email: "f@example.com", displayName: "F", passwordHash: "x" } })).id;
    });
    afterAll(async () => {
      for (const w of workers) w.kill("SIGKILL");
      await Promise.all(workers.map((w) => w.exited));
      await q?.close();
      await t?.dispose();
    });
    beforeEach(async () => {
      await t.db.submission.deleteMany();
    });

    function worker(env: Record<string, string> = {}, url = t.url): WorkerProcess {
      const w = startWorkerProcess(url, env);
      workers.push(w);
      onTestFailed(() => console.log(`worker log:\n${w.log.join("\n")}`));
      return w;
    }
    async function submit(code: string): Promise<string> {
      const { id } = await t.db.submission.create({ data: { userId, exerciseId: "ch03-shared-counter", code } });
      await q.queue.enqueue(id);
      return id;
    }
    const row = (id: string) => t.db.submission.findUniqueOrThrow({ where: { id }, include: { result: true } });
    const settled = (ids: string[]) => async () =>
      (await t.db.submission.count({ where: { id: { in: ids }, status: { in: ["done", "failed"] } } })) === ids.length;

    it("kill -9 of a worker mid-job: graded once, by another worker", async () => {
      const first = worker();
      await first.ready;
      const id = await submit(LOOPING);
      await until(async () => (await row(id)).status === "running", 60_000, "the first worker's claim");
      expect((await row(id)).workerId).toBe(first.workerId());
      first.kill("SIGKILL");
      await first.exited;
      const second = worker({ GRADING_DEADLINE_SECONDS: "5" }); // the loop ends as a timeout soon
      await second.ready;
      await until(settled([id]), 90_000, "the second worker's grading");
      const done = await row(id);
      expect(done).toMatchObject({ status: "done", attempts: 2, workerId: second.workerId() });
      expect(done.result).not.toBeNull();
      expect(await t.db.gradingResult.count({ where: { submissionId: id } })).toBe(1);
      second.kill("SIGTERM");
      await second.exited;
    }, 300_000);

    it("the app restarted with jobs queued: all graded, each once", async () => {
      const before = worker();
      await before.ready;
      const ids = [await submit(REFERENCE), await submit(REFERENCE), await submit(REFERENCE)];
      await until(async () => (await row(ids[0]!)).status === "running", 60_000, "a claim");
      before.kill("SIGTERM"); // a restart: the job in progress is handed back
      expect(await before.exited).toBe(0);
      const after = worker();
      await until(settled(ids), 120_000, "all graded after the restart");
      for (const id of ids) expect((await row(id)).result?.verdict).toBe("passed");
      expect(await t.db.gradingResult.count()).toBe(3);
      after.kill("SIGTERM");
      await after.exited;
    }, 300_000);

    it("the database gone for a few seconds: nothing lost once it returns", async () => {
      let restore: () => Promise<void>;
      let url = t.url;
      let lock: Db | null = null;
      const proxy = t.backend === "postgres" ? await startTcpProxy("127.0.0.1", Number(new URL(t.url).port)) : null;
      if (proxy) {
        const through = new URL(t.url);
        through.port = String(proxy.port);
        url = through.toString();
      }
      const w = worker({}, url);
      await w.ready;
      const ids = [await submit(REFERENCE), await submit(REFERENCE)];
      if (proxy) {
        proxy.cut();
        restore = async () => proxy.restore();
      } else {
        // SQLite has no server to lose: another process holds the file's write lock instead.
        lock = createDb(t.databaseFile);
        await lock.$executeRawUnsafe("BEGIN EXCLUSIVE");
        restore = async () => {
          await lock!.$executeRawUnsafe("COMMIT");
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      // PostgreSQL: the worker's queries failed meanwhile (polling, renewing or storing), and it said
      // so, then kept trying.
      if (proxy) expect(w.log.join("\n")).toMatch(/queue error|could not renew the lease|could not store the result/);
      await restore();
      await until(settled(ids), 120_000, "all graded after the database came back");
      for (const id of ids) expect((await row(id)).result?.verdict).toBe("passed");
      expect(await t.db.gradingResult.count()).toBe(2);
      w.kill("SIGTERM");
      await w.exited;
      await proxy?.close();
      await lock?.$disconnect();
    }, 300_000);

    it("a submission that crashes its sandbox does not poison the others", async () => {
      const w = worker();
      await w.ready;
      const bomb = await submit(MEMORY_BOMB);
      const fine = await submit(REFERENCE);
      await until(settled([bomb, fine]), 120_000, "both graded");
      const crashed = await row(bomb);
      expect(crashed.status === "failed" || crashed.result?.verdict !== "passed").toBe(true);
      expect((await row(fine)).result?.verdict).toBe("passed");
      w.kill("SIGTERM");
      await w.exited;
    }, 300_000);
  });
}
