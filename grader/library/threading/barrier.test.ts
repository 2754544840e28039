// Barrier against CPython's Lib/test/lock_tests.py (BarrierTests): N = 5 parties and a
// default timeout of 2000 virtual ms (Python's 2.0 s). run_threads(f) runs f in N-1 new
// threads and in the main thread.

import { describe, it } from "vitest";
import { caughtAs, passes, passesEverySchedule } from "./testkit";

const setup = `
  const N = 5;
  const barrier = new Barrier(N, { timeout: 2000, name: "B" });
  const runThreads = async (f: () => Promise<void>) => {
    const ts = range(N - 1).map((i) => spawn(f, "T" + i));
    await f();
    for (const t of ts) await t.join();
  };
`;

const multipass = (passes: number) => `
  ${setup}
  const results: boolean[][] = [[], []];
  await runThreads(async () => {
    for (const i of range(${passes})) {
      results[0].push(true);
      assert(results[1].length === i * N, "round " + i + ": someone passed the second wait early");
      await barrier.wait();
      results[1].push(true);
      assert(results[0].length === (i + 1) * N, "round " + i + ": someone passed the first wait early");
      await barrier.wait();
    }
    assert(barrier.nWaiting === 0, "nWaiting " + barrier.nWaiting);
    assert(!barrier.broken, "broken");
  });
`;

describe("Barrier", () => {
  it("validates parties and exposes them", () => {
    passes(`
      await raises(ValueError, () => new Barrier(0));
      await raises(ValueError, () => new Barrier(-1));
      await raises(ValueError, () => new Barrier(1.5));
      const b = new Barrier(3, "named");
      assert(b.parties === 3 && b.name === "named" && b.nWaiting === 0 && !b.broken, "fresh barrier");
    `);
  });

  it("threads pass in lockstep (test_barrier)", () => {
    passesEverySchedule(multipass(1));
  });

  it("ten consecutive rounds on the un-stressed schedule, three on every schedule (test_barrier_10)", () => {
    passes(multipass(10));
    passesEverySchedule(multipass(3), 100);
  });

  it("wait resolves to distinct indices 0..parties-1 in every round (test_wait_return)", () => {
    passesEverySchedule(`
      ${setup}
      const rounds: number[][] = [[], [], []];
      await runThreads(async () => { for (const r of range(3)) rounds[r]!.push(await barrier.wait()); });
      for (const r of rounds) assert(r.slice().sort().join() === "0,1,2,3,4", "indices " + r.join());
    `);
  });

  it("nWaiting counts the threads in the barrier", () => {
    passesEverySchedule(`
      ${setup}
      const ts = range(3).map(() => spawn(() => barrier.wait()));
      await sleep(10);
      assert(barrier.nWaiting === 3, "nWaiting " + barrier.nWaiting);
      const last = spawn(() => barrier.wait());
      const i = await barrier.wait();
      for (const t of [...ts, last]) await t.join();
      assert(barrier.nWaiting === 0, "after the round " + barrier.nWaiting);
    `);
  });

  it("the action runs once per round, in one thread, before anyone is released (test_action)", () => {
    passesEverySchedule(`
      let actions = 0; const runners: string[] = [];
      const barrier = new Barrier(5, { action: () => { actions++; runners.push(currentThread().name); } });
      const f = async () => {
        for (const r of range(3)) {
          await barrier.wait();
          assert(actions === r + 1, "round " + r + " saw " + actions + " actions");
        }
      };
      const ts = range(4).map(() => spawn(f));
      await f();
      for (const t of ts) await t.join();
      assert(actions === 3, "actions " + actions);
      assert(runners.every((n) => n.length > 0), "runners " + runners.join());
    `);
  });

  it("abort() breaks the barrier: the others get BrokenBarrierError (test_abort)", () => {
    passesEverySchedule(`
      ${setup}
      const results1: boolean[] = []; const results2: boolean[] = [];
      await runThreads(async () => {
        try {
          const i = await barrier.wait();
          if (i === N >> 1) throw new RuntimeError("one thread fails");
          await barrier.wait();
          results1.push(true);
        } catch (e) {
          if (e instanceof BrokenBarrierError) results2.push(true);
          else if (e instanceof RuntimeError) barrier.abort();
          else throw e;
        }
      });
      assert(results1.length === 0, "passed a broken barrier");
      assert(results2.length === N - 1, "broken for " + results2.length);
      assert(barrier.broken, "broken");
      await raises(BrokenBarrierError, () => barrier.wait());
    `);
  });

  it("reset() frees the waiting threads with BrokenBarrierError, then the barrier works again (test_reset)", () => {
    passesEverySchedule(`
      ${setup}
      const results1: boolean[] = []; const results2: boolean[] = []; const results3: boolean[] = [];
      await runThreads(async () => {
        const i = await barrier.wait();
        if (i === N >> 1) {
          while (barrier.nWaiting < N - 1) await sleep(1);
          barrier.reset();
        } else {
          try { await barrier.wait(); results1.push(true); }
          catch (e) { if (e instanceof BrokenBarrierError) results2.push(true); else throw e; }
        }
        await barrier.wait();
        results3.push(true);
      });
      assert(results1.length === 0 && results2.length === N - 1 && results3.length === N, [results1.length, results2.length, results3.length].join());
      assert(!barrier.broken, "broken after reset");
    `);
  });

  it("a broken barrier can be reset and used again (test_abort_and_reset)", () => {
    passesEverySchedule(`
      ${setup}
      const barrier2 = new Barrier(N);
      const results1: boolean[] = []; const results2: boolean[] = []; const results3: boolean[] = [];
      await runThreads(async () => {
        try {
          const i = await barrier.wait();
          if (i === N >> 1) throw new RuntimeError("one thread fails");
          await barrier.wait();
          results1.push(true);
        } catch (e) {
          if (e instanceof BrokenBarrierError) results2.push(true);
          else if (e instanceof RuntimeError) barrier.abort();
          else throw e;
        }
        if ((await barrier2.wait()) === N >> 1) barrier.reset();
        await barrier2.wait();
        await barrier.wait();
        results3.push(true);
      });
      assert(results1.length === 0 && results2.length === N - 1 && results3.length === N, [results1.length, results2.length, results3.length].join());
    `);
  });

  it("a wait that times out breaks the barrier for everyone, at the virtual timeout (test_timeout)", () => {
    passesEverySchedule(`
      ${setup}
      const brokeAt: number[] = [];
      await runThreads(async () => {
        const i = await barrier.wait();
        if (i === N >> 1) await sleep(1000);   // one thread is late
        await raises(BrokenBarrierError, () => barrier.wait({ timeout: 500 }));
        brokeAt.push(now());
      });
      assert(brokeAt.slice().sort().join() === "1000,500,500,500,500", "broke at " + brokeAt.join());
      assert(barrier.broken, "broken");
    `);
  });

  it("the barrier's default timeout applies when wait has none, or a null one (test_default_timeout)", () => {
    passesEverySchedule(`
      const N = 5; const barrier = new Barrier(N, { timeout: 300 });
      const brokeAt: number[] = [];
      const f = async () => {
        const i = await barrier.wait();
        if (i === N >> 1) await sleep(1000);
        await raises(BrokenBarrierError, () => (i % 2 ? barrier.wait() : barrier.wait({ timeout: null })));
        brokeAt.push(now());
      };
      const ts = range(N - 1).map(() => spawn(f));
      await f();
      for (const t of ts) await t.join();
      assert(brokeAt.slice().sort().join() === "1000,300,300,300,300", "broke at " + brokeAt.join());
    `);
  });

  it("a null timeout means the barrier's default, as Python's None", () => {
    passes(`
      const b = new Barrier(2, { timeout: 300 });
      await raises(BrokenBarrierError, () => b.wait({ timeout: null }));
      assert(now() === 300 && b.broken, "broke at " + now());
    `);
  });

  it("a one-party barrier never blocks (test_single_thread)", () => {
    passes(`
      const b = new Barrier(1);
      assert((await b.wait()) === 0 && (await b.wait()) === 0, "index 0 twice");
    `);
  });

  it("an async action holds the round: threads arriving meanwhile wait for the next round", () => {
    passesEverySchedule(`
      let rounds = 0; const indices: number[] = [];
      const b = new Barrier(2, { action: async () => { await sleep(5); rounds++; } });
      const ts = range(4).map(() => spawn(async () => { indices.push(await b.wait()); }));
      for (const t of ts) await t.join();
      assert(indices.slice().sort().join() === "0,0,1,1", "indices " + indices.join());
      assert(rounds === 2, "rounds " + rounds);
    `);
  });

  it("a timeout that expires while the action runs does not break the completed round", () => {
    passesEverySchedule(`
      const b = new Barrier(2, { timeout: 10, action: async () => { await sleep(50); } });
      const t = spawn(async () => { await b.wait(); });
      await sleep(5);
      await b.wait();
      await t.join();
      assert(!b.broken && now() === 55, "broken " + b.broken + " at " + now());
    `);
  });

  it("abort() by another thread while the action runs calls the round off for every party", () => {
    passesEverySchedule(`
      const shared = new Shared(0, "shared");
      const b = new Barrier(2, { action: async () => { await sleep(10); await shared.set(1); } });
      const errors: string[] = [];
      const f = async () => { try { await b.wait(); errors.push("passed"); } catch (e) { errors.push((e as Error).name); } };
      const ts = range(2).map(() => spawn(f));
      await sleep(5);
      b.abort();
      for (const t of ts) await t.join();
      assert(errors.join() === "BrokenBarrierError,BrokenBarrierError", errors.join());
      assert((await shared.get()) === 1, "the action ran to its end");
    `);
  });

  it("an action that throws breaks the barrier: its thread gets the error, the others BrokenBarrierError", () => {
    passesEverySchedule(`
      const b = new Barrier(3, { action: () => { throw new TypeError("action failed"); } });
      const errors: string[] = [];
      const f = async () => { try { await b.wait(); errors.push("none"); } catch (e) { errors.push((e as Error).name); } };
      const ts = range(2).map(() => spawn(f));
      await f();
      for (const t of ts) await t.join();
      assert(errors.slice().sort().join() === "BrokenBarrierError,BrokenBarrierError,TypeError", errors.join());
      assert(b.broken, "broken");
    `);
  });

  it("a thread that re-enters while the last round drains waits for the drain, even with a zero timeout (it used to spin)", () => {
    passesEverySchedule(`
      const b = new Barrier(2, "B"); const errors: string[] = [];
      const t = spawn(async () => {
        await b.wait();
        try { await b.wait(); } catch (e) { errors.push("T:" + (e as Error).name); }
      });
      await yieldNow();
      await b.wait();   // main arrives last and releases the round...
      try { await b.wait({ timeout: 0 }); } catch (e) { errors.push("main:" + (e as Error).name); }   // ...and comes straight back
      await t.join();
      // Who fills the next round first depends on the schedule: if main does, its zero
      // timeout breaks the barrier for both; if T does, main completes the round.
      assert(b.broken ? errors.length === 2 : errors.length === 0, "broken " + b.broken + ", errors " + errors.join());
    `);
  });

  it("must fail: a two-phase computation without a barrier reads unfinished results", () => {
    const phases = (sync: string) => `
      const N = 3; const cells = new SharedArray(N, "cells"); const sums = new SharedArray(N, "sums");
      const b = new Barrier(N, "phase");
      const ts = range(N).map((i) => spawn(async () => {
        await cells.set(i, i + 1);
        ${sync}
        await sums.set(i, (await cells.get(i)) + (await cells.get((i + 1) % N)));
      }, "W" + i));
      for (const t of ts) await t.join();
      assert((await sums.toArray()).join() === "3,5,4", "sums " + (await sums.toArray()).join());
    `;
    passesEverySchedule(phases("await b.wait();"));
    caughtAs("race", phases(""));
  });
});
