import { assert, Lock, now, sleep, spawn, type Thread } from "interleave";
import { withBoth } from "./solution";

/** `real`, noting the virtual time of every acquire() call. */
function timedLock(real: Lock, times: number[]): Lock {
  return {
    name: real.name,
    acquire: (options?: { timeout?: number }) => {
      times.push(now());
      return real.acquire(options);
    },
    release: () => real.release(),
    locked: () => real.locked(),
    hold: async () => {
      times.push(now());
      await real.acquire();
      return { [Symbol.asyncDispose]: async () => void (await real.release()) };
    },
  } as unknown as Lock;
}

/**
 * Two polite threads that back off for the same time retry in lockstep and can go on
 * colliding forever: only a random back-off breaks the symmetry. The harness holds the
 * second lock for 200 ms while one thread calls withBoth(), and looks at when it retried:
 * it must give up and retry several times, and not always after the same pause.
 */
async function backsOffRandomly(): Promise<void> {
  const a = new Lock("A");
  const b = new Lock("B");
  const attempts: number[] = [];
  await b.acquire();
  const polite = spawn(() => withBoth(timedLock(a, attempts), b, async () => {}), "Polite");
  await sleep(200);
  b.release();
  await polite.join();
  const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
  assert(
    attempts.length >= 4,
    `while the second lock was busy for 200 ms, withBoth() took the first lock ${attempts.length} time(s): give up on the second lock after a short timeout (a few ms), put the first back and retry`,
  );
  assert(
    new Set(gaps).size > 1,
    `withBoth() retried every ${gaps[0]} ms, always the same pause: two threads that collide then retry in lockstep forever (livelock). Back off for a random time.`,
  );
}

/** Counts the threads inside the critical section guarded by both locks: never more than one. */
function criticalSection() {
  let inside = 0;
  let entries = 0;
  const enter = (who: string) => {
    assert(
      inside === 0,
      `${who} entered the critical section while another thread was inside: it did not hold both locks`,
    );
    inside++;
    entries++;
  };
  const leave = () => {
    inside--;
  };
  return { enter, leave, entries: () => entries };
}

/**
 * Code you cannot change: it takes the two locks in an order that changes from one round to
 * the next, waits for them without a timeout, and holds the first for a while before it takes
 * the second.
 */
async function legacy(a: Lock, b: Lock, rounds: number, cs: ReturnType<typeof criticalSection>): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    const [x, y] = r % 2 === 0 ? [b, a] : [a, b];
    await x.acquire();
    await sleep(2);
    await y.acquire();
    cs.enter("the legacy thread");
    await sleep(1);
    cs.leave();
    await y.release();
    await x.release();
  }
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

export async function alone() {
  const a = new Lock("A");
  const b = new Lock("B");
  let ran = 0;
  await withBoth(a, b, async () => {
    assert(a.locked() && b.locked(), "the action ran without holding both locks");
    ran++;
  });
  assert(ran === 1, `the action should run exactly once, it ran ${ran} times`);
  assert(
    !a.locked() && !b.locked(),
    `after withBoth() both locks should be free (A ${a.locked() ? "held" : "free"}, B ${b.locked() ? "held" : "free"})`,
  );
}

export async function againstLegacyCode() {
  const a = new Lock("A");
  const b = new Lock("B");
  const cs = criticalSection();
  const threads: Thread[] = [spawn(() => legacy(a, b, 4, cs), "Legacy")];
  for (let t = 0; t < 2; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 2; i++) {
            await withBoth(a, b, async () => {
              cs.enter(`Worker-${t + 1}`);
              await sleep(1);
              cs.leave();
            });
          }
        },
        `Worker-${t + 1}`,
      ),
    );
  }
  await joinAll(threads);
  assert(
    cs.entries() === 8,
    `4 legacy rounds and 2 × 2 withBoth() calls should enter the critical section 8 times, got ${cs.entries()}`,
  );
  assert(!a.locked() && !b.locked(), "both locks should be free at the end");
  await backsOffRandomly();
}

export async function errorsReleaseBoth() {
  const a = new Lock("A");
  const b = new Lock("B");
  let caught: unknown = null;
  try {
    await withBoth(a, b, async () => {
      await sleep(1);
      throw new Error("the action failed");
    });
  } catch (error) {
    caught = error;
  }
  assert(
    caught instanceof Error && caught.message === "the action failed",
    `withBoth() should reject with the action's own error, got ${String(caught)}`,
  );
  assert(
    !a.locked() && !b.locked(),
    `after the action threw, both locks should be free (A ${a.locked() ? "held" : "free"}, B ${b.locked() ? "held" : "free"})`,
  );
  const cs = criticalSection();
  const legacyThread = spawn(() => legacy(a, b, 2, cs), "Legacy");
  await legacyThread.join();
  assert(cs.entries() === 2, "the legacy code should run after the failed action");
}

export async function bothOrders() {
  const a = new Lock("A");
  const b = new Lock("B");
  const cs = criticalSection();
  const threads: Thread[] = [spawn(() => legacy(a, b, 2, cs), "Legacy")];
  const orders: [Lock, Lock][] = [
    [a, b],
    [b, a],
    [a, b],
    [b, a],
  ];
  orders.forEach(([x, y], t) => {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 2; i++) {
            await withBoth(x, y, async () => {
              cs.enter(`Worker-${t + 1}`);
              await sleep(1);
              cs.leave();
            });
          }
        },
        `Worker-${t + 1}`,
      ),
    );
  });
  await joinAll(threads);
  assert(
    cs.entries() === 10,
    `2 legacy rounds and 4 × 2 withBoth() calls should enter the critical section 10 times, got ${cs.entries()}`,
  );
  await backsOffRandomly();
}
