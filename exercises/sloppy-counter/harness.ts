import { assert, currentThread, Lock, Shared, sleep, spawn, yieldNow, type Thread } from "interleave";
import { SloppyCounter } from "./solution";

// The harness owns the global counter, its lock (wrapped to count the workers'
// acquisitions) and the threads. An observer thread reads the global counter directly under
// that same lock while the workers count: a solution that updates it under another lock, or
// none, is a data race; one that takes the lock at every increment is not sloppy at all.

interface Setup {
  threads: number;
  perThread: number;
  threshold: number;
}

function countingLock(inner: Lock, counts: { acquisitions: number }, observer: () => boolean): Lock {
  const wrapped = {
    name: inner.name,
    acquire: async (options?: Parameters<Lock["acquire"]>[0]) => {
      if (!observer()) counts.acquisitions++;
      return inner.acquire(options);
    },
    release: () => inner.release(),
    locked: () => inner.locked(),
    hold: async () => {
      if (!observer()) counts.acquisitions++;
      return inner.hold();
    },
  };
  return wrapped as unknown as Lock;
}

async function run(s: Setup, opts: { observe: boolean }) {
  const what = `${s.threads} threads × ${s.perThread} increments, threshold ${s.threshold}`;
  const global = new Shared(0, "global");
  const inner = new Lock("globalLock");
  const counts = { acquisitions: 0 };
  let observerIdent = -1;
  const lock = countingLock(inner, counts, () => currentThread().ident === observerIdent);
  const counter = new SloppyCounter(global, lock, s.threads, s.threshold);
  let completed = 0;
  let started = 0;
  let done = false;
  const workers: Thread[] = [];
  for (let t = 0; t < s.threads; t++) {
    workers.push(
      spawn(async () => {
        for (let i = 0; i < s.perThread; i++) {
          started++;
          await counter.increment(t);
          completed++;
          await yieldNow();
        }
      }, `Counter-${t}`),
    );
  }
  const observer = opts.observe
    ? spawn(async () => {
        while (!done) {
          const before = completed;
          let direct: number;
          {
            await using _ = await inner.hold();
            direct = await global.get();
          }
          const viaRead = await counter.read();
          const bound = before - s.threads * s.threshold;
          for (const [how, v] of [
            ["the global counter", direct],
            ["read()", viaRead],
          ] as const) {
            assert(
              v <= started,
              `${what}: ${how} said ${v} while only ${started} increments had started: it counts too much`,
            );
            assert(
              v > bound,
              `${what}: ${how} said ${v} after ${before} increments had finished: it may lag by less than threads × threshold = ${s.threads * s.threshold}. Move a local count into the global one as soon as it reaches the threshold.`,
            );
          }
          await sleep(1);
        }
      }, "Observer")
    : null;
  if (observer) observerIdent = observer.ident;
  for (const w of workers) await w.join();
  const flushers = Array.from({ length: s.threads }, (_, t) => spawn(() => counter.flush(t), `Counter-${t}-flush`));
  for (const f of flushers) await f.join();
  done = true;
  if (observer) await observer.join();
  const total = s.threads * s.perThread;
  const final = await counter.read();
  assert(final === total, `${what}: after every thread flushed, read() says ${final}; expected ${total}`);
  const stored = await global.get();
  assert(
    stored === total,
    `${what}: after every thread flushed, the global counter you were given holds ${stored}; expected ${total}. The counts belong in it.`,
  );
  const allowed = s.threads * Math.ceil(s.perThread / s.threshold) + s.threads + 1;
  assert(
    counts.acquisitions <= allowed,
    `${what}: the workers took the global lock ${counts.acquisitions} times; a sloppy counter takes it about once per ${s.threshold} increments (at most ${allowed} here). Count in the thread's local counter and touch the global one only at the threshold.`,
  );
}

export async function exactTotal() {
  await run({ threads: 3, perThread: 10, threshold: 4 }, { observe: true });
}

export async function fewGlobalUpdates() {
  await run({ threads: 4, perThread: 20, threshold: 5 }, { observe: true });
}

export async function boundedLag() {
  await run({ threads: 3, perThread: 12, threshold: 3 }, { observe: true });
}
