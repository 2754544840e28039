// Thread against Python's threading.Thread (Lib/test/test_threading.py's ThreadTests):
// start once, join rules, join timeouts with is_alive, names, daemon threads, and an
// uncaught error failing the schedule with the thread's name.

import { describe, expect, it } from "vitest";
import { exploreSource } from "../../testing";
import { caughtAs, endsWith, passes, passesEverySchedule, source } from "./testkit";

describe("Thread", () => {
  it("start() twice raises RuntimeError, also for a thread spawn() started", () => {
    passes(`
      const t = new Thread(async () => {});
      t.start();
      const e = await raises(RuntimeError, () => t.start());
      assert(e.message.includes("once"), e.message);
      await t.join();
      await raises(RuntimeError, () => t.start());
      await raises(RuntimeError, () => spawn(async () => {}).start());
    `);
  });

  it("join() before start() raises RuntimeError; an unstarted thread is not alive", () => {
    passes(`
      const t = new Thread(async () => {}, { name: "Idle" });
      assert(!t.isAlive(), "alive before start");
      await raises(RuntimeError, () => t.join());
      t.start();
      assert(t.isAlive(), "start() takes effect at once");
      await t.join();
      assert(!t.isAlive(), "alive after join");
    `);
  });

  it("a thread cannot join itself (RuntimeError), in main or in a spawned thread", () => {
    passesEverySchedule(`
      await raises(RuntimeError, () => currentThread().join());
      let inner: string | null = null;
      const t = spawn(async () => { try { await currentThread().join(); } catch (e) { inner = (e as Error).name; } });
      await t.join();
      assert(inner === "RuntimeError", "inner " + inner);
    `);
  });

  it("join({ timeout }) returns at the timeout with the thread still alive; join() then waits it out", () => {
    passesEverySchedule(`
      const t = spawn(async () => { await sleep(1000); }, "Sleeper");
      await t.join({ timeout: 100 });
      assert(now() === 100 && t.isAlive(), "after a timed join: " + now() + " alive " + t.isAlive());
      await t.join({ timeout: 0 });
      await t.join({ timeout: -5 });
      assert(now() === 100, "a zero or negative timeout does not wait: " + now());
      await t.join();
      assert(now() === 1000 && !t.isAlive(), "after join: " + now() + " alive " + t.isAlive());
      await t.join({ timeout: 50 });
      await t.join();
      assert(now() === 1000, "joining a finished thread does not wait: " + now());
    `);
  });

  it("a timed join of a thread that ends first returns when it ends", () => {
    passesEverySchedule(`
      const t = spawn(() => sleep(30));
      await t.join({ timeout: 500 });
      assert(now() === 30 && !t.isAlive(), "returned at " + now());
    `);
  });

  it("names: given, automatic (Thread-N), MainThread; currentThread() is the Thread object; idents differ", () => {
    passesEverySchedule(`
      const main = currentThread();
      assert(main.name === "MainThread" && main.isAlive(), "main " + main.name);
      const seen: Record<string, unknown> = {};
      const body = async () => { const me = currentThread(); seen[me.name] = me; };
      const a = new Thread(body); const b = spawn(body, "FiveHeadedDragon"); const c = new Thread(body, { name: "C" }); const d = new Thread(body, "D");
      assert(a.name === "Thread-1" && b.name === "FiveHeadedDragon" && c.name === "C" && d.name === "D", [a.name, b.name, c.name, d.name].join());
      const e = new Thread(body);
      assert(e.name === "Thread-2", "automatic names count up: " + e.name);
      for (const t of [a, c, d, e]) t.start();
      for (const t of [a, b, c, d, e]) await t.join();
      assert(seen["Thread-1"] === a && seen["FiveHeadedDragon"] === b && seen["C"] === c && seen["D"] === d && seen["Thread-2"] === e, "currentThread() is not the Thread object");
      const idents = [main, a, b, c, d, e].map((t) => t.ident);
      assert(new Set(idents).size === 6 && idents.every((x) => Number.isInteger(x)), "idents " + idents.join());
    `);
  });

  it("names appear in the trace", () => {
    const r = passes(`const t = spawn(async () => { await sleep(1); }, "FiveHeadedDragon"); await t.join();`);
    const threads = new Set(r.trace!.map((e) => e.thread));
    expect([...threads].sort()).toEqual(["FiveHeadedDragon", "MainThread"]);
    expect(r.trace!.some((e) => e.op === "spawn" && e.target === "FiveHeadedDragon")).toBe(true);
    expect(r.trace!.some((e) => e.op === "join" && e.thread === "MainThread" && e.target === "FiveHeadedDragon")).toBe(
      true,
    );
  });

  it("args are passed to the target", () => {
    passes(`
      let got: unknown[] = [];
      const t = new Thread(async (x: number, y: string) => { got = [x, y]; }, { args: [7, "seven"] });
      t.start(); await t.join();
      assert(got.join() === "7,seven", "got " + got.join());
      await raises(TypeError, () => new Thread(42 as any));
    `);
  });

  it("start() makes the thread runnable; it runs when the scheduler picks it, not inside start()", () => {
    passes(`
      let ran = false;
      const t = new Thread(async () => { ran = true; });
      t.start();
      assert(!ran, "the target ran inside start()");
      await t.join();
      assert(ran, "the target never ran");
    `);
  });

  describe("daemon threads", () => {
    it("a daemon thread blocked forever does not keep the program alive", () => {
      passesEverySchedule(`
        const never = new Event("never");
        const d = new Thread(() => never.wait(), { name: "Daemon", daemon: true });
        assert(d.daemon, "daemon");
        d.start();
        spawn(async () => { for (;;) await sleep(10); }, { name: "Ticker", daemon: true });
        await sleep(5);
        assert(d.isAlive(), "the daemon is alive while main runs");
      `);
    });

    it("must fail: the same thread without daemon is a deadlock naming it", () => {
      const outcome = endsWith(
        "deadlock",
        `
        const never = new Event("never");
        new Thread(() => never.wait(), { name: "NotDaemon" }).start();
      `,
      );
      expect(outcome.message).toContain("NotDaemon");
    });

    it("daemon is inherited from the creating thread and can be set before start, not after (Python)", () => {
      passesEverySchedule(`
        const never = new Event("never");
        let child: Thread | null = null;
        const d = new Thread(async () => {
          child = spawn(() => never.wait(), "Child");   // a daemon's children are daemons
          await never.wait();
        });
        assert(!d.daemon, "threads main creates are not daemons");
        d.daemon = true;
        assert(d.daemon, "the setter");
        d.start();
        await raises(RuntimeError, () => { d.daemon = false; });
        await sleep(1);
        assert(child !== null && (child as Thread).daemon, "the child did not inherit daemon");
        const t = new Thread(async () => {}, { daemon: false });
        assert(!t.daemon, "an explicit daemon:false");
      `);
    });
  });

  describe("uncaught errors", () => {
    it("an uncaught error in a thread fails the schedule, naming the thread and the error", () => {
      const r = exploreSource(
        source(
          `const t = spawn(async () => { await sleep(1); throw new ValueError("bad input"); }, "Crasher"); await t.join();`,
        ),
      );
      expect(r.verdict).toBe("runtime-error");
      expect(r.failure!.message).toContain("Crasher");
      expect(r.failure!.message).toContain("ValueError: bad input");
      expect(r.failure!.outcome.thread).toBe("Crasher");
    });

    it("even when nobody joins the thread", () => {
      const outcome = endsWith(
        "error",
        `spawn(async () => { throw new TypeError("nobody joins me"); }, "Orphan"); await sleep(10);`,
      );
      expect(outcome.message).toMatch(/Orphan.*TypeError: nobody joins me/);
    });

    it("an error raised only on some interleavings is caught as a race", () => {
      caughtAs(
        "race",
        `
        const box = new Shared<number[] | null>(null, "box");
        const reader = spawn(async () => { const b = await box.get(); b!.push(1); }, "Reader");
        await box.set([]);
        await reader.join();
      `,
      );
    });
  });
});
