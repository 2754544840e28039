// Condition against CPython's Lib/test/lock_tests.py (ConditionTests). The virtual clock
// replaces Python's `_wait()`: after `await sleep(10)` every other thread has run until it
// blocked, on every schedule, so the phase checks of _check_notify hold exactly.

import { describe, it } from "vitest";
import { caughtAs, passes, passesEverySchedule } from "./testkit";

describe("Condition", () => {
  it("delegates acquire/release/hold to its lock: an RLock by default, or the Lock given (test_acquire)", () => {
    passes(`
      let cond = new Condition();
      await cond.acquire(); await cond.acquire();   // the default lock is an RLock
      cond.release(); cond.release();
      await raises(RuntimeError, () => cond.release());
      const lock = new Lock();
      cond = new Condition(lock);
      await cond.acquire();
      assert((await lock.acquire(false)) === false, "cond.acquire took the lock");
      cond.release();
      assert((await lock.acquire(false)) === true, "cond.release freed the lock");
      assert((await cond.acquire(false)) === false, "cond.acquire(false) sees the held lock");
      lock.release();
      {
        await using _ = await cond.hold();
        assert((await lock.acquire(false)) === false, "cond.hold took the lock");
      }
      assert(!lock.locked(), "released after the scope");
    `);
  });

  it("wait, notify and notifyAll without holding the lock raise RuntimeError (test_unacquired_wait/notify)", () => {
    passesEverySchedule(`
      for (const cond of [new Condition(), new Condition(new Lock()), new Condition(new RLock())]) {
        await raises(RuntimeError, () => cond.wait());
        await raises(RuntimeError, () => cond.wait({ timeout: 10 }));
        await raises(RuntimeError, () => cond.notify());
        await raises(RuntimeError, () => cond.notifyAll());
        await raises(RuntimeError, () => cond.waitFor(() => false));
      }
      // An RLock belongs to one thread: holding it elsewhere does not let this thread notify.
      const cond = new Condition(new RLock()); const go = new Event();
      const t = spawn(async () => { await cond.acquire(); await go.wait(); cond.release(); });
      await sleep(1);
      await raises(RuntimeError, () => cond.notify());
      await raises(RuntimeError, () => cond.wait());
      go.set(); await t.join();
    `);
  });

  it("with a plain Lock, 'owned' means 'locked', as in Python (a Lock has no owner)", () => {
    passes(`
      const lock = new Lock(); const cond = new Condition(lock); const go = new Event();
      const t = spawn(async () => { await lock.acquire(); await go.wait(); });
      await sleep(1);
      cond.notify();   // no RuntimeError: Python's _is_owned for a Lock only asks whether it is locked
      go.set(); await t.join();
      lock.release();
    `);
  });

  const checkNotify = `
    const order: string[] = [];
    const r1: string[] = []; const r2: string[] = [];
    const f = async () => {
      const me = currentThread().name;
      await cond.acquire(); order.push(me); let r = await cond.wait(); cond.release();
      r1.push(r + "@" + phase);
      await cond.acquire(); order.push(me); r = await cond.wait(); cond.release();
      r2.push(r + "@" + phase);
      woken.push(me);
    };
    const woken: string[] = [];
    const ts = range(5).map((i) => spawn(f, "W" + i));
    await sleep(10);
    assert(r1.length === 0, "woke without a notify");
    // Notify 3 threads: the 3 that waited longest.
    await cond.acquire(); cond.notify(3); await sleep(10); phase = 1; cond.release();
    while (r1.length < 3) await sleep(10);
    assert(r1.join() === "true@1,true@1,true@1", "r1 " + r1.join());
    assert(r2.length === 0, "r2 " + r2.join());
    assert(order.slice(5).sort().join() === order.slice(0, 3).sort().join(), "notify(3) did not wake the 3 longest waiters: " + order.join());
    await sleep(10);
    // Notify 5: the 2 still in their first wait come after the 3 in their second.
    await cond.acquire(); cond.notify(5); await sleep(10); phase = 2; cond.release();
    while (r1.length + r2.length < 8) await sleep(10);
    assert(r1.join() === "true@1,true@1,true@1,true@2,true@2", "r1 " + r1.join());
    assert(r2.join() === "true@2,true@2,true@2", "r2 " + r2.join());
    await sleep(10);
    await cond.acquire(); cond.notifyAll(); await sleep(10); phase = 3; cond.release();
    while (r2.length < 5) await sleep(10);
    assert(r2.join() === "true@2,true@2,true@2,true@3,true@3", "r2 " + r2.join());
    for (const t of ts) await t.join();
  `;

  it("notify(n) wakes the n longest waiters, notifyAll wakes the rest, twice over (test_notify)", () => {
    passesEverySchedule(`
      const cond = new Condition(); let phase = 0;
      for (const round of range(2)) { phase = 0; ${checkNotify} }
    `);
  });

  it("the same with a Condition over a Lock", () => {
    passesEverySchedule(`const cond = new Condition(new Lock()); let phase = 0; ${checkNotify}`);
  });

  it("notify with no waiters is a no-op, and notify(0) wakes nobody", () => {
    passes(`
      const cond = new Condition();
      await cond.acquire(); cond.notify(); cond.notifyAll(); cond.release();
      let woke = false;
      const t = spawn(async () => { await using _ = await cond.hold(); woke = await cond.wait({ timeout: 100 }); });
      await sleep(10);
      await cond.acquire(); cond.notify(0); cond.release();
      await t.join();
      assert(woke === false && now() === 100, "notify(0) woke it: " + woke + " at " + now());
    `);
  });

  it("wait({ timeout }) resolves to false at exactly the timeout, for every thread (test_timeout)", () => {
    passesEverySchedule(`
      const cond = new Condition(); const results: string[] = [];
      const ts = range(5).map(() => spawn(async () => {
        await cond.acquire();
        const t0 = now();
        const r = await cond.wait({ timeout: 500 });
        results.push((now() - t0) + ":" + r);
        cond.release();
      }));
      for (const t of ts) await t.join();
      assert(results.join() === "500:false,500:false,500:false,500:false,500:false", results.join());
    `);
  });

  it("a notified timed wait resolves to true at the notify time, holding the lock again", () => {
    passesEverySchedule(`
      const lock = new Lock(); const cond = new Condition(lock); let r: unknown; let at = -1; let held = false;
      const t = spawn(async () => { await cond.acquire(); r = await cond.wait({ timeout: 500 }); at = now(); held = lock.locked(); cond.release(); });
      await sleep(200);
      await cond.acquire(); cond.notify(); cond.release();
      await t.join();
      assert(r === true && at === 200 && held, "r " + r + " at " + at + " held " + held);
    `);
  });

  it("a zero or negative timeout expires at once (Python's remaining-time idiom)", () => {
    passes(`
      const cond = new Condition();
      await using _ = await cond.hold();
      assert((await cond.wait({ timeout: 0 })) === false, "timeout 0");
      assert((await cond.wait({ timeout: -5 })) === false, "a negative timeout has expired");
      assert(now() === 0, "no time passed: " + now());
    `);
  });

  it("wait releases the lock while waiting and takes it back before returning (Lock)", () => {
    passesEverySchedule(`
      const lock = new Lock(); const cond = new Condition(lock); let seen: boolean | null = null; let after: boolean | null = null;
      const t = spawn(async () => { await cond.acquire(); await cond.wait(); after = lock.locked(); cond.release(); });
      await sleep(1);
      seen = lock.locked();
      await cond.acquire(); cond.notify(); cond.release();
      await t.join();
      assert(seen === false, "the lock stayed held during wait");
      assert(after === true, "wait returned without the lock");
    `);
  });

  it("wait on an RLock held recursively releases it fully and restores the count", () => {
    passesEverySchedule(`
      const lock = new RLock(); const cond = new Condition(lock); let otherGotIt = false;
      const t = spawn(async () => {
        await lock.acquire(); await lock.acquire(); await lock.acquire();
        await cond.wait();
        lock.release(); lock.release();
        assert(lock.locked(), "the recursion count was not restored");
        lock.release();
        assert(!lock.locked(), "still held after three releases");
      });
      await sleep(1);
      otherGotIt = await lock.acquire(false);
      assert(otherGotIt, "wait did not release the RLock fully");
      cond.notify(); lock.release();
      await t.join();
    `);
  });

  it("waitFor waits until the predicate holds, re-checking on every notify (test_waitfor)", () => {
    passesEverySchedule(`
      const cond = new Condition(); let state = 0; let checks = 0; let at = -1;
      const t = spawn(async () => {
        await using _ = await cond.hold();
        const r = await cond.waitFor(() => { checks++; return state === 4; });
        assert(r === true, "waitFor resolved to " + r);
        assert(state === 4, "state " + state);
        at = now();
      });
      for (const _i of range(4)) { await sleep(10); await using _ = await cond.hold(); state++; cond.notify(); }
      await t.join();
      assert(at === 40, "returned at " + at);
      assert(checks === 5, "the predicate ran " + checks + " times, not once per wake-up");
    `);
  });

  it("waitFor with a timeout resolves to the predicate's last value when it expires (test_waitfor_timeout)", () => {
    passesEverySchedule(`
      const cond = new Condition(); let state = 0; let result: unknown; let dt = -1;
      const t = spawn(async () => {
        await using _ = await cond.hold();
        const t0 = now();
        result = await cond.waitFor(() => state === 4, { timeout: 100 });
        dt = now() - t0;
      });
      for (const _i of range(3)) { await sleep(10); await using _ = await cond.hold(); state++; cond.notify(); }
      await t.join();
      assert(result === false && dt === 100, "result " + result + " after " + dt);
    `);
  });

  it("waitFor returns a truthy predicate value as is, at once when it already holds, and before its timeout", () => {
    passesEverySchedule(`
      const cond = new Condition(); let item: string | null = null; let got: unknown; let at = -1;
      await cond.acquire();
      assert((await cond.waitFor(() => 42)) === 42, "an already-true predicate");
      cond.release();
      const t = spawn(async () => { await using _ = await cond.hold(); got = await cond.waitFor(() => item, { timeout: 1000 }); at = now(); });
      await sleep(30);
      { await using _ = await cond.hold(); item = "x"; cond.notifyAll(); }
      await t.join();
      assert(got === "x" && at === 30, "got " + got + " at " + at);
    `);
  });

  it("a producer/consumer with waitFor never loses an item on any schedule", () => {
    passesEverySchedule(`
      const cond = new Condition(); const items: number[] = []; const got: number[] = [];
      const consumers = range(2).map(() => spawn(async () => {
        for (const _i of range(3)) {
          await using _ = await cond.hold();
          await cond.waitFor(() => items.length > 0);
          got.push(items.shift()!);
        }
      }));
      for (const i of range(6)) { await using _ = await cond.hold(); items.push(i); cond.notify(); }
      for (const c of consumers) await c.join();
      assert(got.slice().sort().join() === "0,1,2,3,4,5", "got " + got.join());
    `);
  });

  it("must fail: checking the flag outside the lock misses the notify (deadlock on some schedule)", () => {
    const r = caughtAs(
      "deadlock",
      `
      const cond = new Condition(); let ready = false; const tick = new AtomicInt(0);
      const consumer = spawn(async () => {
        if (!ready) { await tick.fetchAdd(1); await cond.acquire(); await cond.wait(); cond.release(); }
      }, "Consumer");
      await cond.acquire(); ready = true; cond.notify(); cond.release();
      await consumer.join();
    `,
    );
    if (!r.failure!.message.includes("Consumer")) throw new Error(r.failure!.message);
  });

  const barging = (loop: "if" | "while") => `
      // C1 waits; C2 arrives late and may barge in between the notify and C1's wake-up.
      const cond = new Condition(); const items: number[] = [];
      const consume = async () => {
        await using _ = await cond.hold();
        ${loop} (items.length === 0) await cond.wait();
        const x = items.shift();
        assert(x !== undefined, "took from an empty list");
      };
      const c1 = spawn(consume, "C1");
      await sleep(1);
      const c2 = spawn(consume, "C2");
      { await using _ = await cond.hold(); items.push(1); cond.notify(); }
      await yieldNow();
      { await using _ = await cond.hold(); items.push(2); cond.notify(); }
      await c1.join(); await c2.join();
    `;

  it("must fail: `if` instead of `while` around wait lets a barging consumer take the item first", () => {
    caughtAs("race", barging("if"));
  });

  it("the same consumers with `while` pass on every schedule", () => {
    passesEverySchedule(barging("while"));
  });
});
