// Issue 10: the happens-before edges of every primitive, against Python's ordering. A false
// alarm fails a student whose code is right, so each primitive has a correct program that
// relies on its ordering (it must pass every schedule, detectors on) and a wrong one whose
// missing edge must be reported.

import { describe, expect, it } from "vitest";
import { exploreSource, program, runOnce } from "../../testing";
import { quietMonitor } from "../../engine/monitor";
import { RoundRobinStrategy } from "../../engine/strategies/rr";
import { EventLoopRef, Scheduler } from "../../engine/scheduler";
import type { ScheduleConfig } from "../../protocol/types";

const asyncioHeader = `import { asyncio, spawn, Shared, assert } from "interleave";\n`;

/** Correct: no schedule fails (rr, then the default portfolio). */
function quiet(src: string, runs = 150) {
  const r = exploreSource(src, { runs });
  expect(r.baseline.kind, "the rr baseline").toBe("passed");
  expect(r.verdict, r.failure?.message).toBe("passed");
}

/** Wrong: the missing edge is a data race, reported (usually on schedule 0). */
function races(src: string, target: string, runs = 150) {
  const r = exploreSource(src, { runs });
  expect(r.failure?.kind, r.failure?.message ?? "it passed").toBe("data-race");
  expect(r.failure?.outcome).toMatchObject({ race: { target } });
}

describe("Barrier: the action runs after every arrival, the parties leave after the action", () => {
  const barrier = (action: string, worker: string) =>
    program(`
  const cells = [new Shared(0, "c0"), new Shared(0, "c1"), new Shared(0, "c2")];
  const total = new Shared(0, "total");
  const barrier = new Barrier(3, { action: async () => { ${action} } });
  const ts = [0, 1, 2].map((i) => spawn(async () => { ${worker} }, "W" + i));
  for (const t of ts) await t.join();
`);

  it("the action reads what every party wrote before wait() (the false alarm of issue 10)", () => {
    quiet(
      barrier(
        `let sum = 0; for (const c of cells) sum += await c.get(); await total.set(sum);`,
        `await cells[i]!.set(i + 1); await barrier.wait(); assert((await total.get()) === 6, "total");`,
      ),
    );
  });

  it("a thread that is not a party races with the action", () => {
    races(
      program(`
  const cell = new Shared(0, "cell");
  const barrier = new Barrier(2, { action: async () => { await cell.get(); } });
  const outsider = spawn(async () => { await cell.set(1); }, "outsider");
  const ts = [0, 1].map((i) => spawn(() => barrier.wait(), "W" + i));
  for (const t of [outsider, ...ts]) await t.join();
`),
      "cell",
    );
  });

  it("without a barrier between them, a party's read races with another's write", () => {
    races(barrier(``, `await cells[i]!.set(1); await cells[(i + 1) % 3]!.get(); await barrier.wait();`), "c1");
  });
});

describe("asyncio: a task picked again after it blocked still holds its loop", () => {
  const shape = (between: string) => `${asyncioHeader}
export default async function main() {
  const c = new Shared(0, "c");
  await asyncio.run(async () => {
    const ev = new asyncio.Event();
    const a = async () => { await asyncio.sleep(10); ev.set(); const v = await c.get(); ${between} await c.set(v + 1); };
    const b = async () => { await ev.wait(); const v = await c.get(); ${between} await c.set(v + 1); };
    await asyncio.gather(b, a);
  });
  assert((await c.get()) === 2, "lost update: " + (await c.get()));
}
`;

  it("no race and no lost update between two non-blocking awaits (the false alarm of issue 10)", () => {
    quiet(shape(""), 300);
    const r = exploreSource(shape(""), { runs: 300, detectors: false });
    expect(r.verdict, r.failure?.message).toBe("passed");
  });

  it("a blocking await in the middle is a real lost update", () => {
    const r = exploreSource(shape("await asyncio.sleep(1);"), { runs: 100 });
    expect(r.verdict).toBe("wrong-answer");
    expect(r.failure?.message).toContain("lost update");
  });

  it("two event loops in two threads are not ordered by either loop", () => {
    races(
      `${asyncioHeader}
export default async function main() {
  const c = new Shared(0, "c");
  const loop = () => asyncio.run(async () => { await asyncio.sleep(1); await c.set((await c.get()) + 1); });
  const ts = [spawn(loop, "A"), spawn(loop, "B")];
  for (const t of ts) await t.join();
}
`,
      "c",
    );
  });

  it("the scheduler's loop-ownership check fires when a task runs without its loop", async () => {
    const config: ScheduleConfig = {
      strategy: "rr",
      seed: 1,
      depth: 1,
      expectedSteps: 1,
      guide: [],
      cores: 1,
      maxSteps: 100,
      trace: false,
      recordOptions: false,
      entryModule: "program.ts",
      entryExport: "default",
      detectRaces: false,
      detectLockOrder: false,
    };
    const s = new Scheduler(config, new RoundRobinStrategy(), quietMonitor, () => undefined);
    const task = s.newThread("Task-1");
    s.bindToLoop(task, new EventLoopRef("EventLoop-1"));
    s.current = task;
    void s.point(task);
    await Promise.resolve();
    expect(s.outcome?.message).toContain("runs without holding EventLoop-1");
  });
});

describe("the other primitives", () => {
  it("Condition: what the notifier did before notify() is seen after wait()", () => {
    const cond = (waitFirst: boolean) =>
      program(`
  const data = new Shared(0, "data");
  const ready = new Shared(false, "ready");
  const cond = new Condition();
  const consumer = spawn(async () => {
    ${waitFirst ? `await cond.acquire(); await cond.waitFor(() => ready.get()); await cond.release();` : ""}
    assert((await data.get()) >= 0, "read");
  }, "consumer");
  await data.set(42);
  await cond.acquire(); await ready.set(true); cond.notifyAll(); await cond.release();
  await consumer.join();
`);
    quiet(cond(true));
    races(cond(false), "data");
  });

  it("Event: set() → wait(), and seeing isSet() true while polling", () => {
    const event = (how: string) =>
      program(`
  const data = new Shared(0, "data");
  const ev = new Event();
  const reader = spawn(async () => { ${how} await data.get(); }, "reader");
  await data.set(42);
  ev.set();
  await reader.join();
`);
    quiet(event(`await ev.wait();`));
    quiet(event(`while (!ev.isSet()) await sleep(1);`));
    races(event(`await ev.wait({ timeout: 0 });`), "data");
  });

  it("Queue: taskDone() → join() orders the consumer's work before the producer's read", () => {
    const q = (join: string) =>
      program(`
  const result = new Shared(0, "result");
  const q = new Queue<number>();
  const w = new Thread(async () => { for (;;) { const x = await q.get(); await result.set(x * 2); q.taskDone(); } }, { daemon: true });
  w.start();
  await q.put(21);
  ${join}
  await result.get();
`);
    quiet(q(`await q.join();`));
    races(q(`await sleep(5);`), "result");
  });

  it("a bounded Queue used as a lock orders its holders (a put comes after the get that made room)", () => {
    const asLock = (maxsize: number) =>
      program(`
  const counter = new Shared(0, "counter");
  const q = new Queue<number>(${maxsize});
  const inc = async () => { for (let i = 0; i < 3; i++) { await q.put(1); await counter.set((await counter.get()) + 1); await q.get(); } };
  const ts = [spawn(inc, "A"), spawn(inc, "B")];
  for (const t of ts) await t.join();
  assert((await counter.get()) === 6, "counter " + (await counter.get()));
`);
    quiet(asLock(1));
    races(asLock(2), "counter");
  });

  it("Semaphore(1) orders its holders; Semaphore(2) lets two in at once", () => {
    const sem = (n: number) =>
      program(`
  const counter = new Shared(0, "counter");
  const sem = new Semaphore(${n});
  const inc = async () => { for (let i = 0; i < 3; i++) { await sem.acquire(); await counter.set((await counter.get()) + 1); sem.release(); } };
  const ts = [spawn(inc, "A"), spawn(inc, "B")];
  for (const t of ts) await t.join();
`);
    quiet(sem(1));
    races(sem(2), "counter");
  });

  it("Thread.isAlive() false orders the thread's work (polling instead of join)", () => {
    const poll = (wait: string) =>
      program(`
  const data = new Shared(0, "data");
  const t = spawn(async () => { await data.set(1); }, "worker");
  ${wait}
  await data.get();
`);
    quiet(poll(`while (t.isAlive()) await sleep(1);`));
    races(poll(`await sleep(0);`), "data");
  });

  it("ProcessQueue and Pipe between threads: each item orders its send before its receipt", () => {
    const pipe = (recv: string) => `import { Pipe, ProcessQueue, spawn, Shared } from "interleave";
export default async function main() {
  const data = new Shared(0, "data");
  const [a, b] = Pipe();
  const q = new ProcessQueue<number>(1);
  const t = spawn(async () => { await data.set(1); await a.send("ready"); await q.put(1); }, "sender");
  ${recv}
  await data.get();
  await t.join();
}
`;
    quiet(pipe(`await b.recv(); await q.get();`));
    races(pipe(``), "data");
  });

  it("asyncio.gather: the tasks' results are ordered before the code after it", () => {
    quiet(`${asyncioHeader}
export default async function main() {
  const cells = [new Shared(0, "a"), new Shared(0, "b")];
  await asyncio.run(async () => {
    await asyncio.gather(...cells.map((c, i) => async () => { await asyncio.sleep(i); await c.set(i + 1); }));
    assert((await cells[0]!.get()) + (await cells[1]!.get()) === 3, "sum");
  });
  assert((await cells[1]!.get()) === 2, "after run");
}
`);
  });
});

describe("deadlock messages", () => {
  it("a blocked Queue.join() says it waits for unfinished tasks, not for a thread to end", () => {
    const r = runOnce(
      program(`
  const q = new Queue<number>();
  await q.put(1);
  spawn(async () => { await q.get(); }, "worker");
  await q.join();
`),
    );
    expect(r.outcome.kind).toBe("deadlock");
    expect(r.outcome.message).toContain("waits in join(Queue-1)");
    expect(r.outcome.message).toContain("for 1 unfinished task");
    expect(r.outcome.message).not.toContain("to end");
  });
});
