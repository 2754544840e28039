import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GradingQueue } from "../grading/queue/grading-queue";
import { localGradingQueue } from "../grading/queue/local-queue";
import { createTestDb, TEST_BACKENDS, type TestDb } from "../testing/test-db";
import { placeInLine } from "./place-in-line";
import { submitSolution } from "./submit-solution";

// Issue 17: per-user limits (checked in the insert's transaction) and the place in line, on both
// backends. The queue is the table's own (enqueue = one UPDATE) on both, so no worker is needed.

for (const { backend, skip } of TEST_BACKENDS) {
  describe.skipIf(skip !== null)(`submission limits and place in line on ${backend}${skip ? ` (${skip})` : ""}`, () => {
    let t: TestDb;
    let queue: GradingQueue;
    const users = { a: "", b: "", c: "" };
    beforeAll(async () => {
      t = await createTestDb(backend);
      queue = localGradingQueue(t.db);
      for (const name of ["a", "b", "c"] as const) {
        users[name] = (
          await t.db.user.create({ data: { email: `${name}@example.com`, displayName: name, passwordHash: "x" } })
        ).id;
      }
      await t.db.exercise.create({
        data: {
          id: "ex-limits",
          slug: "limits",
          title: "Limits",
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
      await t?.dispose();
    });
    beforeEach(async () => {
      await t.db.submission.deleteMany();
    });

    const send = (
      user: keyof typeof users,
      opts: { kind?: "run" | "submit"; maxPending?: number; maxPerHour?: number; now?: Date } = {},
    ) =>
      submitSolution(
        users[user],
        { slug: "limits", code: "export const x = 1;", kind: opts.kind ?? "submit" },
        {
          db: t.db,
          queue,
          limits: { maxPending: opts.maxPending ?? 3, maxPerHour: opts.maxPerHour ?? 100 },
          now: opts.now,
        },
      );

    it("refuses the (N+1)th waiting submission with rate-limited and a Retry-After; other users and the Run lane are not affected", async () => {
      for (let i = 0; i < 3; i++) await send("a");
      await expect(send("a")).rejects.toMatchObject({
        code: "rate-limited",
        message: expect.stringMatching(/3 submissions waiting/),
        retryAfterSeconds: expect.any(Number),
      });
      await expect(send("b")).resolves.toMatchObject({ id: expect.any(String) });
      await expect(send("a", { kind: "run" })).resolves.toMatchObject({ id: expect.any(String) });
      expect(await t.db.submission.count({ where: { userId: users.a } })).toBe(4);
    });

    it("takes a submission again once one of the waiting ones is graded (stays quiet under the limit)", async () => {
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await send("a")).id);
      await t.db.submission.update({ where: { id: ids[0] }, data: { status: "done" } });
      await expect(send("a")).resolves.toMatchObject({ id: expect.any(String) });
    });

    it("holds under concurrent requests: never more than the limit stored", async () => {
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => send("c")));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
      expect(await t.db.submission.count({ where: { userId: users.c } })).toBe(3);
    });

    it("caps submissions per hour and says when to retry", async () => {
      const t0 = new Date();
      for (let i = 0; i < 2; i++) {
        const { id } = await send("b", { maxPerHour: 2, now: t0 });
        await t.db.submission.update({ where: { id }, data: { status: "done", createdAt: t0 } });
      }
      const refused = send("b", { maxPerHour: 2, now: new Date(t0.getTime() + 10 * 60_000) });
      await expect(refused).rejects.toMatchObject({ code: "rate-limited", retryAfterSeconds: 50 * 60 });
      await expect(send("b", { maxPerHour: 2, now: new Date(t0.getTime() + 61 * 60_000) })).resolves.toBeTruthy();
    });

    it("placeInLine follows the fair order: another user's first submission is ahead of a burst's later ones", async () => {
      const burst = [];
      for (let i = 0; i < 3; i++) burst.push((await send("a")).id);
      const other = (await send("b")).id;
      expect(await placeInLine(burst[0]!, { db: t.db })).toMatchObject({ ahead: 0 });
      expect(await placeInLine(other, { db: t.db })).toMatchObject({ ahead: 1 });
      expect(await placeInLine(burst[1]!, { db: t.db })).toMatchObject({ ahead: 2 });
      const last = await placeInLine(burst[2]!, { db: t.db });
      expect(last).toMatchObject({ ahead: 3 });
      expect(last!.estimateSeconds).toBeGreaterThan((await placeInLine(other, { db: t.db }))!.estimateSeconds);
      expect(await placeInLine("nope", { db: t.db })).toBeNull();
      await t.db.submission.update({ where: { id: other }, data: { status: "done" } });
      expect(await placeInLine(other, { db: t.db })).toEqual({ ahead: 0, estimateSeconds: 0 });
    });
  });
}
