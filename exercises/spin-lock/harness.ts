import { assert, AtomicInt, Shared, spawn, yieldNow, type Thread } from "interleave";
import { SpinLock } from "./solution";

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/**
 * A critical section that counts who is inside and increments a shared counter with a
 * scheduling point in the middle: without mutual exclusion, increments get lost.
 */
function criticalSection() {
  const counter = new Shared(0, "counter");
  let inside = 0;
  const run = async (who: string) => {
    inside++;
    assert(
      inside === 1,
      `${who} entered the critical section while another thread was inside: the lock did not exclude it`,
    );
    const v = await counter.get();
    await yieldNow(); // the holder is descheduled while it holds the lock
    await counter.set(v + 1);
    inside--;
  };
  return { run, counter };
}

/** A spin lock on a lock word the harness owns, so that it can look at it. */
function newLock(): { lock: SpinLock; state: AtomicInt } {
  const state = new AtomicInt(0, "spinlock");
  return { lock: new SpinLock(state), state };
}

/**
 * The lock must still work, and live in the word it was given: 1 while held, 0 when free.
 * A lock kept anywhere else (a wrapped Lock, a plain boolean) does not pass.
 */
async function expectLockUsable(lock: SpinLock, state: AtomicInt): Promise<void> {
  assert((await state.load()) === 0, "the lock is free, so the lock word you were given should be 0");
  assert((await lock.tryAcquire()) === true, "tryAcquire() on a free lock should resolve to true");
  assert(
    (await state.load()) === 1,
    "the lock is held, so the lock word you were given should be 1: build the lock on that AtomicInt",
  );
  await lock.release();
  await lock.acquire();
  assert((await state.load()) === 1, "after acquire() the lock word you were given should be 1");
  await lock.release();
  assert((await state.load()) === 0, "after release() the lock word you were given should be 0");
}

export async function mutualExclusion() {
  const { lock, state } = newLock();
  const cs = criticalSection();
  const threads: Thread[] = [];
  for (let t = 0; t < 3; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 3; i++) {
            await lock.acquire();
            await cs.run(`Worker-${t + 1}`);
            await lock.release();
          }
        },
        `Worker-${t + 1}`,
      ),
    );
  }
  await joinAll(threads);
  const total = await cs.counter.get();
  assert(total === 9, `3 threads × 3 increments under the lock should count 9, got ${total}`);
  await expectLockUsable(lock, state);
}

export async function tryAcquireDoesNotWait() {
  const { lock, state } = newLock();
  await lock.acquire();
  const refused = spawn(async () => {
    assert((await lock.tryAcquire()) === false, "tryAcquire() on a held lock should resolve to false at once");
  }, "Impatient");
  await refused.join();
  await lock.release();
  const granted = spawn(async () => {
    assert((await lock.tryAcquire()) === true, "tryAcquire() on a free lock should resolve to true");
    await lock.release();
  }, "Lucky");
  await granted.join();
  await expectLockUsable(lock, state);
}

export async function releaseOfFreeLockThrows() {
  const { lock, state } = newLock();
  let threw = false;
  try {
    await lock.release();
  } catch (error) {
    threw = error instanceof Error;
  }
  assert(
    threw,
    "release() of a lock that is not held should throw an Error (Python: RuntimeError: release unlocked lock)",
  );
  await lock.acquire();
  await lock.release();
  threw = false;
  try {
    await lock.release();
  } catch (error) {
    threw = error instanceof Error;
  }
  assert(threw, "releasing the same lock twice should throw the second time");
  await expectLockUsable(lock, state);
}

export async function mixedAcquirers() {
  const { lock, state } = newLock();
  const cs = criticalSection();
  const threads: Thread[] = [];
  for (let t = 0; t < 2; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 2; i++) {
            await lock.acquire();
            await cs.run(`Blocker-${t + 1}`);
            await lock.release();
          }
        },
        `Blocker-${t + 1}`,
      ),
    );
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 2; ) {
            if (await lock.tryAcquire()) {
              await cs.run(`Poller-${t + 1}`);
              await lock.release();
              i++;
            } else {
              await yieldNow();
            }
          }
        },
        `Poller-${t + 1}`,
      ),
    );
  }
  await joinAll(threads);
  const total = await cs.counter.get();
  assert(total === 8, `4 threads × 2 increments under the lock should count 8, got ${total}`);
}
