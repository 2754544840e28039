import { describe, expect, it } from "vitest";
import { exploreSource, program, replaySource, runOnce } from "../testing";

const lostUpdate = program(`
  const c = new Shared(0, "counter");
  const inc = async () => { for (let i = 0; i < 3; i++) { const v = await c.get(); await c.set(v + 1); } };
  const a = spawn(inc, "A"); const b = spawn(inc, "B");
  await a.join(); await b.join();
  const total = await c.get();
  assert(total === 6, "lost an update: " + total);
`);

// Every access is under the lock, so there is no data race; but the read and the write are
// two critical sections, so an update can still be lost — a bug only stress finds.
const atomicityViolation = program(`
  const c = new Shared(0, "counter"); const lock = new Lock("lock");
  const inc = async () => {
    for (let i = 0; i < 3; i++) {
      await lock.acquire(); const v = await c.get(); lock.release();
      await lock.acquire(); await c.set(v + 1); lock.release();
    }
  };
  const a = spawn(inc, "A"); const b = spawn(inc, "B");
  await a.join(); await b.join();
  const total = await c.get();
  assert(total === 6, "lost an update: " + total);
`);

describe("scheduler basics", () => {
  it("rr runs each thread until it blocks, in spawn order", () => {
    const r = runOnce(
      program(`
      const log = [];
      const t1 = spawn(async () => { log.push("a1"); await yieldNow(); log.push("a2"); }, "A");
      const t2 = spawn(async () => { log.push("b1"); await yieldNow(); log.push("b2"); }, "B");
      await t1.join(); await t2.join();
      assert(log.join(",") === "a1,b1,a2,b2", log.join(","));
    `),
    );
    expect(r.outcome.kind).toBe("passed");
    expect(r.preemptions).toBe(0);
  });

  it("names given by the program appear in the trace with the student's lines", () => {
    const r = runOnce(lostUpdate);
    const get = r.trace!.find((e) => e.op === "get" && e.thread === "A")!;
    expect(get.target).toBe("counter");
    expect(get.line).toBe(6);
    expect(r.trace!.some((e) => e.op === "spawn" && e.target === "B")).toBe(true);
  });

  it("sleep advances the virtual clock only", () => {
    const r = runOnce(
      program(
        `await sleep(250); assert(now() === 250, "now " + now()); assert(Date.now() - Date.UTC(2024,0,1) === 250, "Date");`,
      ),
    );
    expect(r.outcome.kind).toBe("passed");
    expect(r.time).toBe(250);
  });

  it("work occupies virtual cores: 4 equal jobs take 1 unit of time on 4 cores, 2 on 2", () => {
    const src = program(`const ts = [1,2,3,4].map(i => spawn(() => work(100))); for (const t of ts) await t.join();`);
    expect(runOnce(src, { cores: 4 }).time).toBe(100);
    expect(runOnce(src, { cores: 2 }).time).toBe(200);
    expect(runOnce(src, { cores: 1 }).time).toBe(400);
  });

  it("console.log is print debugging: a print event in the trace, in order, with the line", () => {
    const r = runOnce(
      program(
        `const t = spawn(async () => { console.log("in", 1, { a: 2 }); }, "T"); await t.join(); console.error("out");`,
      ),
    );
    expect(r.outcome.kind).toBe("passed");
    const prints = r.trace!.filter((e) => e.op === "print").map((e) => [e.thread, e.value, e.line]);
    expect(prints).toEqual([
      ["T", JSON.stringify('in 1 {"a":2}'), 4],
      ["MainThread", JSON.stringify("out"), 4],
    ]);
  });

  it("Math.random is seeded by the schedule", () => {
    const src = program(`const x = Math.random(); assert(x >= 0 && x < 1, "range"); assert(false, String(x));`);
    const a = runOnce(src, { seed: 7 }).outcome.message;
    const b = runOnce(src, { seed: 7 }).outcome.message;
    const c = runOnce(src, { seed: 8 }).outcome.message;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe("verdicts", () => {
  it("passed: a correctly locked counter", () => {
    const r = exploreSource(
      program(`
      const c = new Shared(0, "counter"); const lock = new Lock();
      const inc = async () => { for (let i = 0; i < 3; i++) { await using _ = await lock.hold(); const v = await c.get(); await c.set(v + 1); } };
      const a = spawn(inc); const b = spawn(inc); await a.join(); await b.join();
      assert(await c.get() === 6, "count");
    `),
    );
    expect(r.verdict).toBe("passed");
    expect(r.schedulesRun).toBe(200);
  });

  it("race: the data race of an unlocked counter is reported on the very first schedule", () => {
    const r = exploreSource(lostUpdate);
    expect(r.verdict).toBe("race");
    expect(r.failure!.schedule).toBe(0);
    expect(r.failure!.kind).toBe("data-race");
    const outcome = r.failure!.outcome;
    if (outcome.kind !== "data-race") throw new Error(`expected a data race, got ${outcome.kind}`);
    const race = outcome.race;
    expect(race.target).toBe("counter");
    expect([race.first.thread, race.second.thread].sort()).toEqual(["A", "B"]);
    expect(race.first.line).toBeGreaterThan(0);
    expect(r.failure!.message).toMatch(/Data race on 'counter'/);
  });

  it("race: passes rr, fails under stress", () => {
    const r = exploreSource(atomicityViolation);
    expect(r.verdict).toBe("race");
    expect(r.baseline.kind).toBe("passed");
    expect(r.failure!.schedule).toBeGreaterThan(0);
    expect(r.failure!.trace.length).toBeGreaterThan(0);
  });

  it("wrong-answer: fails on the un-stressed schedule", () => {
    const r = exploreSource(program(`assert(1 + 1 === 3, "arithmetic");`));
    expect(r.verdict).toBe("wrong-answer");
    expect(r.failure!.schedule).toBe(0);
    expect(r.failure!.strategy).toBe("rr");
  });

  it("wrong-answer whatever strategy was asked for, when the un-stressed schedule fails", () => {
    for (const strategy of ["random", "pct", "delay"] as const) {
      const r = exploreSource(
        program(`const t = spawn(async () => {}); assert(!t.isAlive() || now() < 0, "ran before the join");`),
        { strategy, runs: 5, seed: 3 },
      );
      expect(r.verdict, strategy).toBe("wrong-answer");
      expect(r.failure!.strategy).toBe("rr");
    }
  });

  it("runtime-error: an uncaught error names the thread and line", () => {
    const r = exploreSource(program(`const t = spawn(async () => { (null as any).x; }, "Crasher"); await t.join();`));
    expect(r.verdict).toBe("runtime-error");
    expect(r.failure!.message).toContain("Crasher");
    expect(r.failure!.message).toContain("TypeError");
    expect(r.failure!.outcome.line).toBe(4);
  });

  it("deadlock: lock-order inversion reports the wait-for cycle", () => {
    const r = exploreSource(
      program(`
      const a = new Lock("a"); const b = new Lock("b");
      const t1 = spawn(async () => { await a.acquire(); await yieldNow(); await b.acquire(); b.release(); a.release(); }, "T1");
      const t2 = spawn(async () => { await b.acquire(); await yieldNow(); await a.acquire(); a.release(); b.release(); }, "T2");
      await t1.join(); await t2.join();
    `),
    );
    expect(r.verdict).toBe("deadlock");
    expect(r.failure!.outcome).toMatchObject({ kind: "deadlock", cycle: expect.arrayContaining(["T1", "T2"]) });
    expect(r.failure!.message).toMatch(/T1.*held by T2|T2.*held by T1/);
  });

  it("deadlock: waiting forever on an Event nobody sets", () => {
    const r = exploreSource(program(`const e = new Event("ready"); await e.wait();`));
    expect(r.verdict).toBe("deadlock");
    expect(r.failure!.message).toContain("ready");
  });

  it("starvation: a spin loop on a flag nobody sets, naming the thread and the loop's line", () => {
    const r = exploreSource(
      program(`
      const f = new Shared(false, "flag");
      const t = spawn(async () => { while (!(await f.get())) {} }, "Spinner");
      await t.join();`),
      { maxSteps: 3000 },
    );
    expect(r.verdict).toBe("starvation");
    expect(r.failure!.liveness!.starved).toEqual(["Spinner"]);
    expect(r.failure!.liveness!.lines).toEqual([6]);
  });

  it("timeout, not starvation: a loop that keeps changing state just runs out of steps", () => {
    const r = exploreSource(program(`const c = new Shared(0, "c"); for (let i = 0; ; i++) await c.set(i);`), {
      maxSteps: 3000,
    });
    expect(r.verdict).toBe("timeout");
    expect(r.failure!.liveness!.verdict).toBe("timeout");
  });

  it("no starvation: a spin-wait that a fair scheduler lets finish passes on every strategy", () => {
    const r = exploreSource(
      program(`
      const ready = new AtomicInt(0, "ready");
      const t = spawn(async () => { while ((await ready.load()) === 0) {} }, "Waiter");
      await sleep(5); await ready.store(1); await t.join();`),
      { runs: 100 },
    );
    expect(r.verdict).toBe("passed");
  });

  it("runtime-error: a missing await is caught and explained", () => {
    const r = exploreSource(program(`const c = new Shared(0); c.set(1); await c.get();`));
    expect(r.verdict).toBe("runtime-error");
    expect(r.failure!.message).toMatch(/await/);
  });

  it("runtime-error: awaiting a promise the scheduler does not control", () => {
    const r = exploreSource(program(`await new Promise(() => {});`));
    expect(r.verdict).toBe("runtime-error");
    expect(r.failure!.message).toMatch(/does not control/);
  });

  it("runtime-error: timers are not available, with a pointer to sleep()", () => {
    const r = exploreSource(program(`await new Promise((r) => setTimeout(r, 10));`));
    expect(r.verdict).toBe("runtime-error");
    expect(r.failure!.message).toMatch(/sleep/);
  });
});

describe("determinism and replay", () => {
  it("the same seed gives the same trace, and replay reproduces the failure bit for bit", () => {
    const found = exploreSource(atomicityViolation, { strategy: "random", seed: 5, runs: 200 });
    const f = found.failure!;
    expect(f.strategy).toBe("random");
    const again = exploreSource(atomicityViolation, { strategy: "random", seed: 5, runs: 200 });
    expect(again.failure!.traceHash).toBe(f.traceHash);
    const replay = replaySource(atomicityViolation, { strategy: f.strategy, seed: f.seed, depth: f.depth });
    expect(replay.report.failure!.traceHash).toBe(f.traceHash);
    expect(replay.report.failure!.message).toBe(f.message);
  });

  it("replays portfolio failures from strategy and seed alone", () => {
    const found = exploreSource(atomicityViolation, { seed: 40 });
    const f = found.failure!;
    expect(f.strategy).not.toBe("rr");
    const replay = replaySource(atomicityViolation, { strategy: f.strategy, seed: f.seed });
    expect(replay.report.failure!.traceHash).toBe(f.traceHash);
  });

  it("replays a schedule given as decisions", () => {
    const f = exploreSource(atomicityViolation).failure!;
    const replay = replaySource(atomicityViolation, { strategy: "dfs", seed: 0, decisions: f.decisions });
    expect(replay.report.failure!.traceHash).toBe(f.traceHash);
  });
});

describe("strategies", () => {
  for (const strategy of ["random", "pct", "delay", "dfs"] as const) {
    it(`${strategy} finds the lost update`, () => {
      const r = exploreSource(atomicityViolation, { strategy, runs: 500 });
      expect(r.verdict).toBe("race");
      expect(r.failure!.strategy).toBe(strategy);
    });
  }

  it("rr alone does not find the lost update", () => {
    expect(exploreSource(atomicityViolation, { strategy: "rr" }).verdict).toBe("passed");
  });

  it("dfs exhausts a small program's bounded space and says so", () => {
    const r = exploreSource(
      program(
        `const c = new Shared(0); const l = new Lock(); const t = spawn(async () => { await l.acquire(); await c.set(1); l.release(); }); await l.acquire(); await c.set(2); l.release(); await t.join();`,
      ),
      { strategy: "dfs", runs: 1000, depth: 2 },
    );
    expect(r.verdict).toBe("passed");
    expect(r.exhaustive).toBe(true);
    expect(r.schedulesRun).toBeGreaterThan(1);
  });

  it("pct with depth 1 never preempts", () => {
    const r = exploreSource(atomicityViolation, { strategy: "pct", depth: 1, runs: 100 });
    // Depth 1 means no priority change: each thread runs to completion in priority order.
    expect(r.verdict).toBe("passed");
  });
});
