// Event against CPython's Lib/test/lock_tests.py (EventTests).

import { describe, it } from "vitest";
import { caughtAs, endsWith, passes, passesEverySchedule } from "./testkit";

describe("Event", () => {
  it("isSet follows set and clear, and both are idempotent (test_is_set)", () => {
    passes(`
      const evt = new Event("flag");
      assert(evt.name === "flag", "name");
      assert(!evt.isSet(), "a new event is clear");
      evt.set(); assert(evt.isSet(), "set");
      await evt.set(); assert(evt.isSet(), "set twice");
      evt.clear(); assert(!evt.isSet(), "clear");
      await evt.clear(); assert(!evt.isSet(), "clear twice");
    `);
  });

  it("set wakes every waiter, and a set event does not block (test_notify, twice with a clear between)", () => {
    passesEverySchedule(`
      const evt = new Event();
      const check = async () => {
        const r1: boolean[] = []; const r2: boolean[] = [];
        const ts = range(5).map(() => spawn(async () => { r1.push(await evt.wait()); r2.push(await evt.wait()); }));
        await sleep(10);
        assert(r1.length === 0, "a waiter passed a clear event");
        const t0 = now();
        evt.set();
        for (const t of ts) await t.join();
        assert(r1.join() === "true,true,true,true,true" && r2.join() === r1.join(), r1.join() + " / " + r2.join());
        assert(now() === t0, "waking took time");
      };
      await check();
      evt.set(); evt.clear();
      await check();
    `);
  });

  it("wait without a timeout returns when another thread sets the event, at that virtual time", () => {
    passesEverySchedule(`
      const evt = new Event(); let at = -1; let r: unknown;
      const t = spawn(async () => { r = await evt.wait(); at = now(); });
      await sleep(250); evt.set(); await t.join();
      assert(r === true && at === 250, r + " at " + at);
    `);
  });

  it("wait({ timeout }) resolves to false at the timeout, and to true at once when set (test_timeout)", () => {
    passesEverySchedule(`
      const evt = new Event();
      const run = async () => {
        const r1: boolean[] = []; const r2: string[] = [];
        const ts = range(5).map(() => spawn(async () => {
          r1.push(await evt.wait({ timeout: 0 }));
          const t0 = now();
          const r = await evt.wait({ timeout: 500 });
          r2.push(r + ":" + (now() - t0));
        }));
        for (const t of ts) await t.join();
        return [r1.join(), r2.join()];
      };
      const [a1, a2] = await run();
      assert(a1 === "false,false,false,false,false", "timeout 0 on a clear event: " + a1);
      assert(a2 === "false:500,false:500,false:500,false:500,false:500", "timeout 500: " + a2);
      evt.set();
      const [b1, b2] = await run();
      assert(b1 === "true,true,true,true,true", "timeout 0 on a set event: " + b1);
      assert(b2 === "true:0,true:0,true:0,true:0,true:0", "timeout 500 on a set event: " + b2);
      evt.clear();
      assert((await evt.wait({ timeout: -1 })) === false, "a negative timeout has expired");
    `);
  });

  it("a timed wait set before its timeout resolves to true at the set time", () => {
    passesEverySchedule(`
      const evt = new Event(); let r: unknown; let at = -1;
      const t = spawn(async () => { r = await evt.wait({ timeout: 1000 }); at = now(); });
      await sleep(300); evt.set(); await t.join();
      assert(r === true && at === 300, r + " at " + at);
    `);
  });

  it("wait returns true even when the event is cleared right after set (test_set_and_clear, bpo-13502)", () => {
    passesEverySchedule(`
      const evt = new Event(); const results: boolean[] = [];
      const ts = range(5).map(() => spawn(async () => { results.push(await evt.wait({ timeout: 1000 })); }));
      await sleep(500);
      evt.set(); evt.clear();
      for (const t of ts) await t.join();
      assert(results.join() === "true,true,true,true,true", "results " + results.join() + " at " + now());
      assert(now() === 500, "the waiters slept until their timeout: " + now());
    `);
  });

  it("the same without a timeout: a set-then-clear pulse releases the waiters instead of a deadlock", () => {
    passesEverySchedule(`
      const evt = new Event(); let woke = 0;
      const ts = range(3).map(() => spawn(async () => { await evt.wait(); woke++; }));
      await sleep(1);
      await evt.set(); evt.clear();
      for (const t of ts) await t.join();
      assert(woke === 3, "woke " + woke);
    `);
  });

  it("must fail: waiting forever on an event nobody sets is a deadlock naming the event", () => {
    const outcome = endsWith(
      "deadlock",
      `const evt = new Event("never"); const t = spawn(() => evt.wait(), "Waiter"); await t.join();`,
    );
    if (!outcome.message.includes("never") || !outcome.message.includes("Waiter")) throw new Error(outcome.message);
  });

  it("must fail: a pulse (set then clear) that a late waiter misses is caught as a deadlock", () => {
    caughtAs(
      "deadlock",
      `
      const evt = new Event("pulse");
      const t = spawn(async () => { await evt.wait(); }, "Late");
      evt.set(); await yieldNow(); evt.clear();
      await t.join();
    `,
    );
  });
});
