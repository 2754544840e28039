// Lock and RLock against CPython's Lib/test/lock_tests.py (BaseLockTests, LockTests,
// RLockTests). Python's `_wait()` sleeps become virtual sleeps: the clock only moves when no
// thread can run, so after `await sleep(10)` every other thread has run until it blocked.

import { describe, it } from "vitest";
import { caughtAs, endsWith, passes, passesEverySchedule } from "./testkit";

describe("Lock", () => {
  it("acquire/release, locked(), and the try-lock forms (acquire(false), blocking:false, timeout 0)", () => {
    passes(`
      const lock = new Lock("L");
      assert(lock.name === "L", "name");
      assert(lock.locked() === false, "a new lock is unlocked");
      assert((await lock.acquire()) === true, "acquire() resolves to true");
      assert(lock.locked() === true, "locked after acquire");
      assert((await lock.acquire(false)) === false, "acquire(false) on a held lock");
      assert((await lock.acquire({ blocking: false })) === false, "blocking:false on a held lock");
      assert((await lock.acquire({ timeout: 0 })) === false, "timeout 0 on a held lock");
      assert(now() === 0, "a try-lock does not wait: " + now());
      await lock.release();
      assert(lock.locked() === false, "unlocked after release");
      assert((await lock.acquire(false)) === true, "acquire(false) on a free lock");
      lock.release();
      assert((await lock.acquire({ timeout: 0 })) === true, "timeout 0 on a free lock");
      lock.release();
    `);
  });

  it("releasing an unlocked lock raises RuntimeError (before and after use)", () => {
    passes(`
      const lock = new Lock("L");
      const e = await raises(RuntimeError, () => lock.release());
      assert(e.message.includes("L"), "the message names the lock: " + e.message);
      await lock.acquire(); await lock.release();
      await raises(RuntimeError, () => lock.release());
      assert(!lock.locked(), "a failed release leaves the lock unlocked");
    `);
  });

  it("a contended try-lock fails in another thread (test_try_acquire_contended)", () => {
    passesEverySchedule(`
      const lock = new Lock(); await lock.acquire();
      const result: boolean[] = [];
      const t = spawn(async () => { result.push(await lock.acquire(false)); });
      await t.join();
      assert(result[0] === false, "got " + result[0]);
      lock.release();
    `);
  });

  it("contending threads wait until the holder releases (test_acquire_contended)", () => {
    passesEverySchedule(`
      const lock = new Lock(); await lock.acquire();
      let finished = 0;
      const ts = range(5).map(() => spawn(async () => { await lock.acquire(); lock.release(); finished++; }));
      await sleep(10);
      assert(finished === 0, "a thread got a held lock: " + finished);
      assert(ts.every((t) => t.isAlive()), "all wait");
      await lock.release();
      for (const t of ts) await t.join();
      assert(finished === 5, "finished " + finished);
      assert(now() === 10, "nobody waited for time: " + now());
    `);
  });

  it("a Lock is not reentrant: the second acquire waits for a release (test_reacquire)", () => {
    passesEverySchedule(`
      const lock = new Lock();
      const phase: number[] = [];
      spawn(async () => { await lock.acquire(); phase.push(1); await lock.acquire(); phase.push(2); }, "F");
      while (phase.length === 0) await sleep(10);
      await sleep(10);
      assert(phase.length === 1, "the second acquire went through: " + phase.length);
      lock.release();
      while (phase.length === 1) await sleep(10);
      assert(phase.length === 2, "phase " + phase.length);
    `);
  });

  it("acquiring a Lock twice in one thread is reported as a deadlock", () => {
    const outcome = endsWith("deadlock", `const lock = new Lock("L"); await lock.acquire(); await lock.acquire();`);
    // The message names the lock and who holds it (the thread itself).
    if (!/acquire\(L\).*held by MainThread/.test(outcome.message)) throw new Error(outcome.message);
  });

  it("any thread may release a Lock (test_different_thread)", () => {
    passesEverySchedule(`
      const lock = new Lock(); await lock.acquire();
      const t = spawn(async () => { await lock.release(); });
      await t.join();
      assert(!lock.locked(), "released by the other thread");
      assert(await lock.acquire(), "acquire again");
      lock.release();
    `);
  });

  it("timeouts run in virtual time and are validated as in Python (test_timeout)", () => {
    passes(`
      const lock = new Lock();
      await raises(ValueError, () => lock.acquire({ blocking: false, timeout: 1 }));
      await raises(ValueError, () => lock.acquire({ timeout: -100 }));
      assert(!lock.locked(), "a refused acquire does not take the lock");
      assert(await lock.acquire({ timeout: -1 }), "timeout -1 means forever, as in Python");
      lock.release();
      assert(await lock.acquire({ timeout: 5000 }), "a free lock is taken at once");
      assert(now() === 0, "it did not wait: " + now());
      const results: unknown[] = [];
      const t = spawn(async () => {
        const t0 = now();
        results.push(await lock.acquire({ timeout: 500 }));
        results.push(now() - t0);
      });
      await t.join();
      assert(results[0] === false, "timed out: " + results[0]);
      assert(results[1] === 500, "after exactly 500 virtual ms: " + results[1]);
      lock.release();
    `);
  });

  it("a timed acquire succeeds as soon as the lock is released, not at the timeout", () => {
    passesEverySchedule(`
      const lock = new Lock(); await lock.acquire();
      let got: unknown; let at = -1;
      const t = spawn(async () => { got = await lock.acquire({ timeout: 1000 }); at = now(); lock.release(); });
      await sleep(200);
      lock.release();
      await t.join();
      assert(got === true && at === 200, "got " + got + " at " + at);
    `);
  });

  it("the lock is in a proper state after a timeout (test_state_after_timeout, bpo-11618)", () => {
    passes(`
      const lock = new Lock(); await lock.acquire();
      assert((await lock.acquire({ timeout: 10 })) === false, "timed out");
      assert(now() === 10, "at 10: " + now());
      lock.release();
      assert(!lock.locked(), "unlocked");
      assert(await lock.acquire({ blocking: false }), "free again");
    `);
  });

  it("many threads contending keep mutual exclusion on every schedule", () => {
    passesEverySchedule(`
      const lock = new Lock("L"); const c = new Shared(0, "counter");
      let inside = 0;
      const ts = range(5).map((i) => spawn(async () => {
        for (const _ of range(3)) {
          await lock.acquire();
          inside++;
          assert(inside === 1, "two threads inside the critical section");
          const v = await c.get(); await yieldNow(); await c.set(v + 1);
          inside--;
          await lock.release();
        }
      }, "W" + i));
      for (const t of ts) await t.join();
      assert((await c.get()) === 15, "lost an update");
    `);
  });

  it("must fail: the same counter without the lock is caught as a race", () => {
    caughtAs(
      "race",
      `
      const c = new Shared(0, "counter");
      const ts = range(5).map(() => spawn(async () => { for (const _ of range(3)) { const v = await c.get(); await c.set(v + 1); } }));
      for (const t of ts) await t.join();
      assert((await c.get()) === 15, "lost an update");
    `,
    );
  });

  it("must fail: a try-lock whose failure is ignored is caught", () => {
    caughtAs(
      "race",
      `
      const lock = new Lock(); const tick = new AtomicInt(0); let inside = 0;
      const ts = range(3).map(() => spawn(async () => {
        await lock.acquire({ timeout: 0 });   // the result is ignored: wrong
        inside++; await tick.fetchAdd(1);
        assert(inside === 1, "two threads inside");
        inside--;
        if (lock.locked()) lock.release();
      }));
      for (const t of ts) await t.join();
    `,
    );
  });
});

describe("RLock", () => {
  it("is reentrant and counts recursion: free only when every acquire is released (test_reacquire)", () => {
    passesEverySchedule(`
      const lock = new RLock("R");
      const other = async () => { const ok = await lock.acquire(false); if (ok) lock.release(); return ok; };
      const tryFromOther = async () => { let ok: boolean | undefined; const t = spawn(async () => { ok = await other(); }); await t.join(); return ok; };
      await lock.acquire(); await lock.acquire();
      assert(lock.locked(), "locked");
      await lock.release();
      assert(lock.locked(), "still held once");
      assert((await tryFromOther()) === false, "another thread got a held RLock");
      assert(await lock.acquire({ blocking: false }), "the owner re-acquires without blocking");
      assert(await lock.acquire({ timeout: 0 }), "and with timeout 0");
      await lock.release(); await lock.release(); await lock.release();
      assert(!lock.locked(), "free after as many releases as acquires");
      assert((await tryFromOther()) === true, "another thread gets the free RLock");
    `);
  });

  it("releasing an un-acquired RLock raises RuntimeError (test_release_unacquired)", () => {
    passes(`
      const lock = new RLock();
      await raises(RuntimeError, () => lock.release());
      await lock.acquire(); await lock.acquire(); lock.release();
      await lock.acquire(); lock.release(); lock.release();
      await raises(RuntimeError, () => lock.release());
      assert(!lock.locked(), "still free");
    `);
  });

  it("a thread that does not own the RLock cannot release it (test_different_thread)", () => {
    passesEverySchedule(`
      const lock = new RLock("R"); const done = new Event();
      const owner = spawn(async () => { await lock.acquire(); await done.wait(); lock.release(); }, "Owner");
      while (!lock.locked()) await sleep(1);
      const e = await raises(RuntimeError, () => lock.release());
      assert(e.message.includes("MainThread"), "the message names the caller: " + e.message);
      assert(lock.locked(), "still held by its owner");
      done.set();
      await owner.join();
      assert(!lock.locked(), "the owner released it");
    `);
  });

  it("a timed acquire of an RLock held elsewhere times out in virtual time", () => {
    passes(`
      const lock = new RLock(); const done = new Event();
      const owner = spawn(async () => { await lock.acquire(); await done.wait(); lock.release(); });
      await sleep(1);
      const t0 = now();
      assert((await lock.acquire({ timeout: 50 })) === false, "timed out");
      assert(now() - t0 === 50, "after 50: " + (now() - t0));
      await raises(ValueError, () => lock.acquire({ blocking: false, timeout: 3 }));
      done.set(); await owner.join();
    `);
  });

  it("recursive critical sections keep mutual exclusion on every schedule", () => {
    passesEverySchedule(`
      const lock = new RLock(); const c = new Shared(0); let inside = 0;
      const add = async (depth: number): Promise<void> => {
        await using _ = await lock.hold();
        inside++; assert(inside === 1, "two owners");
        const v = await c.get(); await c.set(v + 1);
        inside--;
        if (depth > 0) await add(depth - 1);
      };
      const ts = range(3).map(() => spawn(() => add(2)));
      for (const t of ts) await t.join();
      assert((await c.get()) === 9, "count " + (await c.get()));
      assert(!lock.locked(), "released");
    `);
  });
});

describe("hold(): Python's `with lock:`", () => {
  for (const kind of ["Lock", "RLock"]) {
    it(`${kind}: released on scope exit and when the scope throws (test_with)`, () => {
      passesEverySchedule(`
        const lock = new ${kind}();
        const probe = async () => { let ok = false; const t = spawn(async () => { ok = await lock.acquire(false); if (ok) lock.release(); }); await t.join(); return ok; };
        const withLock = async (err?: Error) => {
          await using _ = await lock.hold();
          assert(lock.locked(), "held inside the scope");
          assert((await probe()) === false, "another thread got it inside the scope");
          if (err) throw err;
        };
        await withLock();
        assert(!lock.locked(), "released after the scope");
        assert((await probe()) === true, "free for others after the scope");
        const e = await raises(TypeError, () => withLock(new TypeError("boom")));
        assert(e.message === "boom", "the scope's own error propagates");
        assert(!lock.locked(), "released after an exception");
        assert((await probe()) === true, "free for others after an exception");
      `);
    });
  }

  it("RLock: nested holds in one thread release only at the outer scope", () => {
    passes(`
      const lock = new RLock();
      {
        await using _a = await lock.hold();
        {
          await using _b = await lock.hold();
          assert(lock.locked(), "held twice");
        }
        assert(lock.locked(), "still held by the outer scope");
        let other = true;
        const t = spawn(async () => { other = await lock.acquire(false); }); await t.join();
        assert(other === false, "another thread got it while the outer scope held it");
      }
      assert(!lock.locked(), "released after both scopes");
    `);
  });
});
