import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, TEST_BACKENDS, type TestDb } from "../../testing/test-db";
import { openTestQueue, type TestQueue } from "./testing/backends";

// Issue 17, "fair and bounded", on both backends: one user's burst never delays another user's
// first submission by more than the grading in progress, and a quick Run goes before submissions.

const RESULT = { verdict: "passed", score: 1, maxScore: 1, reportJson: "{}" };

for (const { backend, skip } of TEST_BACKENDS) {
  describe.skipIf(skip !== null)(`fair claiming on ${backend}${skip ? ` (${skip})` : ""}`, () => {
    let t: TestDb;
    let q: TestQueue;
    const users: Record<"burst" | "first" | "runner", string> = { burst: "", first: "", runner: "" };
    beforeAll(async () => {
      t = await createTestDb(backend);
      q = await openTestQueue(t);
      for (const name of Object.keys(users) as (keyof typeof users)[]) {
        users[name] = (
          await t.db.user.create({ data: { email: `${name}@example.com`, displayName: name, passwordHash: "x" } })
        ).id;
      }
      await t.db.exercise.create({
        data: {
          id: "ex-fair",
          slug: "fair",
          title: "Fair",
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
      await q?.close();
      await t?.dispose();
    });
    beforeEach(async () => {
      await t.db.submission.deleteMany();
    });

    let clock = Date.parse("2026-01-01T10:00:00.000Z");
    async function submit(user: keyof typeof users, kind: "submit" | "run" = "submit"): Promise<string> {
      clock += 10;
      const { id } = await t.db.submission.create({
        data: {
          userId: users[user],
          exerciseId: "ex-fair",
          code: `// ${user} ${clock}`,
          kind,
          createdAt: new Date(clock),
        },
      });
      expect(await q.queue.enqueue(id)).toBe("enqueued");
      return id;
    }
    async function gradeNext(): Promise<string> {
      const job = await q.jobs.claimNextJob("w1");
      expect(job).not.toBeNull();
      expect(await q.jobs.completeJob(job!, "w1", RESULT)).toBe(true);
      return job!.submissionId;
    }

    it("one user's 20 submissions: another user's first is graded right after the grading in progress", async () => {
      const burst: string[] = [];
      for (let i = 0; i < 20; i++) burst.push(await submit("burst"));
      const inProgress = await q.jobs.claimNextJob("w1");
      expect(inProgress?.submissionId).toBe(burst[0]);
      const first = await submit("first");
      await q.jobs.completeJob(inProgress!, "w1", RESULT);
      expect(await gradeNext()).toBe(first);
      // ... and the burst is not starved: it goes on, in order, once nobody else waits.
      const rest: string[] = [];
      for (let i = 1; i < 20; i++) rest.push(await gradeNext());
      expect(rest).toEqual(burst.slice(1));
      expect(await q.jobs.claimNextJob("w1")).toBeNull();
    });

    it("alternates between two users who both have several waiting (round-robin), first come first among equals", async () => {
      const a = [await submit("burst"), await submit("burst"), await submit("burst")];
      const b = [await submit("first"), await submit("first")];
      const order: string[] = [];
      for (let i = 0; i < 5; i++) order.push(await gradeNext());
      expect(order).toEqual([a[0], b[0], a[1], b[1], a[2]]);
    });

    it("a quick Run goes before queued submissions, and never before the grading in progress", async () => {
      const waiting = [await submit("burst"), await submit("first")];
      const inProgress = await q.jobs.claimNextJob("w1");
      const run = await submit("runner", "run");
      await q.jobs.completeJob(inProgress!, "w1", RESULT);
      expect(await gradeNext()).toBe(run);
      expect(await gradeNext()).toBe(waiting[1]);
    });

    it("stays quiet when nobody bursts: plain first come, first served", async () => {
      const ids = [await submit("burst"), await submit("first"), await submit("runner")];
      const order = [await gradeNext(), await gradeNext(), await gradeNext()];
      expect(order).toEqual(ids);
    });
  });
}
