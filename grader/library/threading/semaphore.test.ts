// Semaphore and BoundedSemaphore against CPython's Lib/test/lock_tests.py
// (BaseSemaphoreTests, SemaphoreTests, BoundedSemaphoreTests).

import { describe, it } from "vitest";
import { caughtAs, passes, passesEverySchedule } from "./testkit";

for (const kind of ["Semaphore", "BoundedSemaphore"]) {
  describe(`${kind} (BaseSemaphoreTests)`, () => {
    it("rejects a negative or fractional initial value (test_constructor)", () => {
      passes(`
        await raises(ValueError, () => new ${kind}(-1));
        await raises(ValueError, () => new ${kind}(-Number.MAX_SAFE_INTEGER));
        await raises(ValueError, () => new ${kind}(1.5));
        new ${kind}(0);
      `);
    });

    it("counts: n acquires succeed, the next one would block (test_acquire, test_try_acquire)", () => {
      passes(`
        let sem = new ${kind}(1); await sem.acquire(); sem.release();
        sem = new ${kind}(2);
        assert((await sem.acquire()) === true, "acquire resolves to true");
        assert((await sem.acquire(false)) === true, "second permit");
        assert((await sem.acquire(false)) === false, "no third permit");
        assert((await sem.acquire({ blocking: false })) === false, "blocking:false");
        assert((await sem.acquire({ timeout: 0 })) === false, "timeout 0");
        sem.release();
        assert((await sem.acquire(false)) === true, "a released permit is available again");
        assert(now() === 0, "nothing waited: " + now());
      `);
    });

    it("the default value is 1: a second acquirer waits for a release (test_default_value)", () => {
      passesEverySchedule(`
        const sem = new ${kind}(); await sem.acquire();
        let finished = false;
        const t = spawn(async () => { await sem.acquire(); sem.release(); finished = true; });
        await sleep(10);
        assert(!finished && t.isAlive(), "a thread passed an exhausted semaphore");
        sem.release();
        await t.join();
        assert(finished, "finished");
      `);
    });

    it("contended acquires pass exactly as many times as there are permits (test_acquire_contended)", () => {
      passesEverySchedule(
        `
        const sem = new ${kind}(7); await sem.acquire();
        let phase = 0; const r1: number[] = []; const r2: number[] = [];
        const ts = range(10).map(() => spawn(async () => { await sem.acquire(); r1.push(phase); await sem.acquire(); r2.push(phase); }));
        while (r1.length + r2.length < 6) await sleep(10);
        await sleep(10);
        assert(r1.concat(r2).join() === "0,0,0,0,0,0", "phase 0: " + r1.concat(r2).join());
        phase = 1;
        for (const _ of range(7)) sem.release();
        while (r1.length + r2.length < 13) await sleep(10);
        await sleep(10);
        assert(r1.concat(r2).sort().join() === "0,0,0,0,0,0,1,1,1,1,1,1,1", "phase 1: " + r1.concat(r2).sort().join());
        phase = 2;
        for (const _ of range(6)) sem.release();
        while (r1.length + r2.length < 19) await sleep(10);
        await sleep(10);
        assert(r1.concat(r2).length === 19, "too many passed: " + r1.concat(r2).length);
        assert((await sem.acquire(false)) === false, "the semaphore is still exhausted");
        sem.release();
        for (const t of ts) await t.join();
      `,
        100,
      );
    });

    it("contended try-acquires: exactly the free permits succeed (test_try_acquire_contended)", () => {
      passesEverySchedule(`
        const sem = new ${kind}(4); await sem.acquire();
        const results: boolean[] = [];
        const ts = range(5).map(() => spawn(async () => { results.push(await sem.acquire(false)); results.push(await sem.acquire(false)); }));
        for (const t of ts) await t.join();
        assert(results.filter((x) => x).length === 3 && results.length === 10, "results " + results.join());
      `);
    });

    it("timeouts run in virtual time; a timeout on a non-blocking acquire is a ValueError (test_acquire_timeout)", () => {
      passes(`
        const sem = new ${kind}(2);
        await raises(ValueError, () => sem.acquire({ blocking: false, timeout: 1 }));
        assert(await sem.acquire({ timeout: 5 }), "first");
        assert(await sem.acquire({ timeout: 5 }), "second");
        assert((await sem.acquire({ timeout: 5 })) === false, "third times out");
        assert(now() === 5, "after 5: " + now());
        sem.release();
        assert(await sem.acquire({ timeout: 5 }), "after a release");
        const t0 = now();
        assert((await sem.acquire({ timeout: 500 })) === false, "times out");
        assert(now() - t0 === 500, "after 500: " + (now() - t0));
        assert((await sem.acquire({ timeout: -3 })) === false && now() - t0 === 500, "a negative timeout has expired");
      `);
    });

    it("a timed acquire succeeds when another thread releases before the timeout", () => {
      passesEverySchedule(`
        const sem = new ${kind}(1); await sem.acquire(); let got: unknown; let at = -1;
        const t = spawn(async () => { got = await sem.acquire({ timeout: 300 }); at = now(); });
        await sleep(120); sem.release(); await t.join();
        assert(got === true && at === 120, "got " + got + " at " + at);
      `);
    });

    it("hold() takes a permit for the scope and gives it back, also on an exception (test_with)", () => {
      passes(`
        const sem = new ${kind}(2);
        const withSem = async (err?: Error) => {
          await using _a = await sem.hold();
          assert(await sem.acquire(false), "one permit left");
          sem.release();
          {
            await using _b = await sem.hold();
            assert((await sem.acquire(false)) === false, "no permit left inside both scopes");
            if (err) throw err;
          }
        };
        await withSem();
        assert(await sem.acquire(false), "permits back"); sem.release();
        await raises(TypeError, () => withSem(new TypeError("boom")));
        assert(await sem.acquire(false), "permits back after an exception"); assert(await sem.acquire(false), "both");
        sem.release(); sem.release();
      `);
    });

    it("never lets more than its value into the section, on every schedule", () => {
      passesEverySchedule(`
        const sem = new ${kind}(2); let inside = 0; let most = 0;
        const ts = range(5).map(() => spawn(async () => {
          for (const _ of range(2)) {
            await using _h = await sem.hold();
            inside++; most = Math.max(most, inside);
            assert(inside <= 2, inside + " threads inside");
            await yieldNow();
            inside--;
          }
        }));
        for (const t of ts) await t.join();
        assert(most === 2, "the semaphore let only " + most + " in at a time");
      `);
    });
  });
}

describe("Semaphore", () => {
  it("releases beyond the initial value add permits (test_release_unacquired)", () => {
    passes(`
      const sem = new Semaphore(1);
      sem.release();
      assert(await sem.acquire(false), "one"); assert(await sem.acquire(false), "two");
      assert((await sem.acquire(false)) === false, "no third");
      sem.release();
    `);
  });

  it("release(n) adds n permits and wakes exactly n waiters; n must be >= 1", () => {
    passesEverySchedule(`
      const sem = new Semaphore(0); let passed = 0;
      const ts = range(5).map(() => spawn(async () => { await sem.acquire(); passed++; }));
      await sleep(10);
      assert(passed === 0, "passed a zero semaphore");
      await sem.release(3);
      await sleep(10);
      assert(passed === 3, "release(3) let " + passed + " through");
      await raises(ValueError, () => sem.release(0));
      await raises(ValueError, () => sem.release(-1));
      await raises(ValueError, () => sem.release(1.5));
      sem.release(2);
      for (const t of ts) await t.join();
      assert(passed === 5, "passed " + passed);
      assert((await sem.acquire(false)) === false, "no permit left");
    `);
  });

  it("must fail: a Semaphore(3) guarding a section meant for 2 is caught", () => {
    caughtAs(
      "race",
      `
      const sem = new Semaphore(3); const tick = new AtomicInt(0); let inside = 0;
      const ts = range(4).map(() => spawn(async () => {
        await using _ = await sem.hold();
        inside++; await tick.fetchAdd(1);
        assert(inside <= 2, inside + " inside");
        inside--;
      }));
      for (const t of ts) await t.join();
    `,
    );
  });
});

describe("BoundedSemaphore", () => {
  it("cannot be released above its initial value: ValueError (test_release_unacquired)", () => {
    passes(`
      const sem = new BoundedSemaphore();
      const e = await raises(ValueError, () => sem.release());
      assert(e.message.includes("too many"), e.message);
      await sem.acquire(); sem.release();
      await raises(ValueError, () => sem.release());
      const big = new BoundedSemaphore(3, "pool");
      await big.acquire();
      const e2 = await raises(ValueError, () => big.release(2));
      assert(e2.message.includes("pool"), "the message names the semaphore: " + e2.message);
      assert((await big.acquire(false)) && (await big.acquire(false)), "a refused release(2) changed nothing");
      assert((await big.acquire(false)) === false, "still bounded");
      big.release(3);
    `);
  });

  it("must fail: releasing twice per acquire raises ValueError in the thread (runtime-error)", () => {
    caughtAs(
      "runtime-error",
      `
      const sem = new BoundedSemaphore(1);
      const t = spawn(async () => { await sem.acquire(); sem.release(); sem.release(); }, "Releaser");
      await t.join();
    `,
    );
  });
});
