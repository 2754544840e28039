import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import {
  applyProgressEvent,
  getLiveProgress,
  initialProgress,
  progressRecorder,
  type LiveProgress,
} from "./grading-progress";
import { progressEventStream } from "./progress-events";

let t: TestDb;
const users = { owner: "", other: "", instructor: "" };
beforeAll(async () => {
  t = await createTestDb();
  for (const [name, role] of [
    ["owner", "student"],
    ["other", "student"],
    ["instructor", "instructor"],
  ] as const) {
    const user = await t.db.user.create({
      data: { email: `${name}@example.com`, displayName: name, passwordHash: "x", role },
    });
    users[name] = user.id;
  }
  await t.db.exercise.create({
    data: {
      id: "ex-live",
      slug: "live",
      title: "Live",
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
afterAll(() => t.dispose());
beforeEach(() => t.db.submission.deleteMany());

const two = () =>
  initialProgress([
    { title: "Two threads", hidden: false, budget: 300 },
    { title: "Many threads", hidden: true, budget: 300 },
  ]);

function submission(data: { userId?: string; kind?: string; status?: string; enqueuedAt?: Date | null } = {}) {
  return t.db.submission.create({
    data: {
      userId: data.userId ?? users.owner,
      exerciseId: "ex-live",
      code: "x",
      kind: data.kind ?? "submit",
      status: data.status ?? "queued",
      enqueuedAt: data.enqueuedAt === undefined ? new Date() : data.enqueuedAt,
    },
  });
}

describe("applyProgressEvent", () => {
  it("counts schedules up per check, then keeps the finished check's verdict", () => {
    let p = two();
    p = applyProgressEvent(p, {
      check: 0,
      kind: "exploring",
      progress: { schedulesRun: 12, runs: 300, strategy: "pct" },
    });
    p = applyProgressEvent(p, {
      check: 0,
      kind: "exploring",
      progress: { schedulesRun: 7, runs: 300, strategy: "rr" },
    });
    expect(p.checks[0]).toMatchObject({ state: "exploring", explored: 12, strategy: "rr" });
    expect(p.checks[1]).toMatchObject({ state: "waiting", explored: 0 });
    p = applyProgressEvent(p, { check: 0, kind: "finished", verdict: "race", schedulesRun: 40 });
    p = applyProgressEvent(p, {
      check: 0,
      kind: "exploring",
      progress: { schedulesRun: 99, runs: 300, strategy: "rr" },
    });
    expect(p.checks[0]).toMatchObject({ state: "finished", explored: 40, verdict: "race" });
    expect(applyProgressEvent(p, { check: 5, kind: "finished", verdict: "passed", schedulesRun: 1 })).toBe(p);
  });
});

describe("progressRecorder", () => {
  it("coalesces events into few writes and stores the last state on close", async () => {
    const { id } = await submission({ status: "running" });
    const recorder = progressRecorder(id, two(), { db: t.db, writeMs: 50 });
    for (let i = 1; i <= 100; i++)
      recorder.record({ check: 0, kind: "exploring", progress: { schedulesRun: i, runs: 300, strategy: "switch" } });
    await new Promise((r) => setTimeout(r, 120));
    const mid = JSON.parse((await t.db.submission.findUniqueOrThrow({ where: { id } })).progressJson!);
    expect(mid.checks[0]).toMatchObject({ explored: 100, state: "exploring" });
    recorder.record({ check: 1, kind: "finished", verdict: "passed", schedulesRun: 300 });
    await recorder.close();
    recorder.record({ check: 0, kind: "finished", verdict: "race", schedulesRun: 3 });
    await new Promise((r) => setTimeout(r, 80));
    const end = JSON.parse((await t.db.submission.findUniqueOrThrow({ where: { id } })).progressJson!);
    expect(end.checks[1]).toMatchObject({ state: "finished", verdict: "passed" });
    expect(end.checks[0].state, "nothing is written after close").toBe("exploring");
  });

  it("does not write a row that is no longer running", async () => {
    const { id } = await submission({ status: "done" });
    const recorder = progressRecorder(id, two(), { db: t.db, writeMs: 10 });
    await recorder.close();
    expect((await t.db.submission.findUniqueOrThrow({ where: { id } })).progressJson).toBeNull();
  });
});

describe("getLiveProgress", () => {
  it("is the owner's alone: another student and even an instructor get null, as for an unknown id", async () => {
    const { id } = await submission();
    expect(await getLiveProgress(id, { id: users.owner }, t.db)).not.toBeNull();
    expect(await getLiveProgress(id, { id: users.other }, t.db)).toBeNull();
    expect(await getLiveProgress(id, { id: users.instructor }, t.db)).toBeNull();
    expect(await getLiveProgress("nope", { id: users.owner }, t.db)).toBeNull();
    expect(await getLiveProgress("../x", { id: users.owner }, t.db)).toBeNull();
  });

  it("counts the queued submissions ahead in the same lane only", async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    await submission({ userId: users.other, enqueuedAt: at(1) });
    await submission({ userId: users.other, enqueuedAt: at(2) });
    await submission({ userId: users.other, enqueuedAt: at(3), kind: "run" });
    await submission({ userId: users.other, enqueuedAt: at(4), status: "running" });
    const mine = await submission({ enqueuedAt: at(5) });
    await submission({ userId: users.other, enqueuedAt: at(6) });
    const myRun = await submission({ enqueuedAt: at(7), kind: "run" });
    expect(await getLiveProgress(mine.id, { id: users.owner }, t.db)).toMatchObject({
      status: "queued",
      kind: "submit",
      ahead: 2,
      finished: false,
    });
    expect(await getLiveProgress(myRun.id, { id: users.owner }, t.db)).toMatchObject({ kind: "run", ahead: 1 });
  });

  it("shows progress while running, a hidden check's verdict never, and the verdict once done", async () => {
    const { id } = await submission({ status: "running" });
    let p = two();
    p = applyProgressEvent(p, { check: 0, kind: "finished", verdict: "race", schedulesRun: 4 });
    p = applyProgressEvent(p, { check: 1, kind: "finished", verdict: "deadlock", schedulesRun: 9 });
    await t.db.submission.update({ where: { id }, data: { progressJson: JSON.stringify(p) } });
    const running = await getLiveProgress(id, { id: users.owner }, t.db);
    expect(running).toMatchObject({ status: "running", ahead: null, finished: false, verdict: null });
    expect(running!.checks.map((c) => [c.title, c.verdict, c.explored])).toEqual([
      ["Two threads", "race", 4],
      ["Many threads", null, 9],
    ]);
    await t.db.submission.update({
      where: { id },
      data: {
        status: "done",
        result: { create: { verdict: "race", score: 0, maxScore: 10, reportJson: "{}" } },
      },
    });
    expect(await getLiveProgress(id, { id: users.owner }, t.db)).toMatchObject({ finished: true, verdict: "race" });
  });
});

describe("progressEventStream", () => {
  const state = (over: Partial<LiveProgress>): LiveProgress => ({
    id: "s1",
    status: "queued",
    kind: "submit",
    ahead: 2,
    checks: [],
    finished: false,
    verdict: null,
    ...over,
  });

  async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value);
    }
  }

  it("sends each change once, heartbeats while nothing changes, then `done` and ends", async () => {
    const states = [
      state({ ahead: 2 }),
      state({ ahead: 2 }),
      state({ ahead: 2 }),
      state({ status: "running", ahead: null }),
      state({ status: "done", ahead: null, finished: true, verdict: "passed" }),
    ];
    let i = 0;
    const text = await readAll(
      progressEventStream(states[0]!, async () => states[++i] ?? null, new AbortController().signal, {
        pollMs: 5,
        heartbeatMs: 8,
      }),
    );
    const events = text.split("\n\n").filter(Boolean);
    expect(events[0]).toBe("retry: 1000");
    expect(events.filter((e) => e.startsWith("event: progress"))).toHaveLength(2);
    expect(events.some((e) => e === ": heartbeat")).toBe(true);
    expect(events.at(-1)).toMatch(/^event: done\ndata: \{.*"verdict":"passed"/);
  });

  it("stops reading when the client goes away", async () => {
    const abort = new AbortController();
    let reads = 0;
    const stream = progressEventStream(
      state({}),
      async () => {
        reads++;
        return state({ ahead: reads });
      },
      abort.signal,
      { pollMs: 5 },
    );
    const reader = stream.getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 40));
    abort.abort();
    const after = reads;
    await new Promise((r) => setTimeout(r, 40));
    expect(reads).toBeLessThanOrEqual(after + 1);
    expect(after).toBeGreaterThan(0);
  });
});
