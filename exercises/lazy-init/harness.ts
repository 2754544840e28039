import { assert, AtomicInt, currentThread, Lock, sleep, spawn, type Thread } from "interleave";
import { lazy } from "./solution";

/**
 * The initialization lock the solution is given: a real Lock (the detectors see it) that
 * notes who holds it, so that init() can check it runs under it.
 */
function initLock() {
  const real = new Lock("initLock");
  let owner: string | null = null;
  const acquire = async (options?: { timeout?: number }): Promise<boolean> => {
    const ok = await real.acquire(options);
    if (ok) owner = currentThread().name;
    return ok;
  };
  const release = () => {
    owner = null;
    return real.release();
  };
  const lock = {
    name: real.name,
    acquire,
    release,
    locked: () => real.locked(),
    hold: async () => {
      await acquire();
      return { [Symbol.asyncDispose]: async () => void (await release()) };
    },
  } as unknown as Lock;
  return { lock, heldByMe: () => owner === currentThread().name };
}

/** What the harness saw of the solution: init() calls made without holding the lock. */
let unlockedInits = 0;
let heldByMe = () => false;

/** lazy() on a fresh initialization lock. */
function lazyUnderTest<T>(init: () => Promise<T>): { get: () => Promise<T>; lock: Lock } {
  const l = initLock();
  heldByMe = l.heldByMe;
  unlockedInits = 0;
  return { get: lazy(init, l.lock), lock: l.lock };
}

function initRanUnderLock(): void {
  assert(
    unlockedInits === 0,
    `init() ran ${unlockedInits} time(s) without the lock you were given held: initialization must happen under it (double-checked locking)`,
  );
}

/**
 * After initialization the getter must not take the lock: the harness holds it while
 * another thread calls the getter, which must return at once.
 */
async function fastPathTakesNoLock<T>(get: () => Promise<T>, lock: Lock, expected: T): Promise<void> {
  await lock.acquire();
  let got: T | undefined;
  const reader = spawn(async () => {
    got = await get();
    got = await get();
  }, "FastPathReader");
  await reader.join({ timeout: 50 });
  const blocked = reader.isAlive();
  lock.release();
  await reader.join();
  assert(
    !blocked,
    "after initialization the getter waited for the lock (another thread held it): the fast path must not take a lock",
  );
  assert(got === expected, "after initialization the getter returned another object");
}

interface Config {
  id: number;
  loaded: boolean;
}

/** The expensive initializer. It counts its calls with an atomic, so the harness itself never races. */
function makeInit(options: { slow?: boolean; failFirst?: boolean } = {}) {
  const calls = new AtomicInt(0, "initCalls");
  const init = async (): Promise<Config> => {
    if (!heldByMe()) unlockedInits++;
    const n = (await calls.fetchAdd(1)) + 1;
    if (options.slow) await sleep(5);
    if (options.failFirst && n === 1) throw new Error("the configuration server is down");
    return { id: n, loaded: true };
  };
  return { init, calls };
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** Start `threads` threads calling the getter `perThread` times; resolve to everything they got. */
async function callFromThreads(get: () => Promise<Config>, threads: number, perThread: number): Promise<Config[]> {
  const got: Config[] = [];
  const workers: Thread[] = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(
        async () => {
          for (let i = 0; i < perThread; i++) got.push(await get());
        },
        `Caller-${t + 1}`,
      ),
    );
  }
  await joinAll(workers);
  return got;
}

function expectOneInstance(got: Config[], initCalls: number, expectedCalls: number): void {
  for (const c of got) {
    assert(
      c !== undefined && c !== null,
      `a caller got ${String(c)} instead of the initialized object: it saw "ready" although no value was stored`,
    );
    assert(c.loaded === true, "a caller got an object that was not the initializer's result");
    assert(
      c === got[0],
      `two callers got different objects (#${got[0]!.id} and #${c.id}): every caller must get the same one`,
    );
  }
  assert(
    initCalls <= expectedCalls,
    `init() ran ${initCalls} times, expected ${expectedCalls}: two threads both found it uninitialized and both initialized`,
  );
  assert(
    initCalls === expectedCalls,
    `init() ran ${initCalls} times, expected ${expectedCalls}: after init() failed, nobody initialized again`,
  );
}

export async function concurrentFirstCalls() {
  const { init, calls } = makeInit();
  const { get, lock } = lazyUnderTest(init);
  const got = await callFromThreads(get, 4, 2);
  expectOneInstance(got, await calls.load(), 1);
  initRanUnderLock();
  await fastPathTakesNoLock(get, lock, got[0]!);
}

export async function slowInit() {
  const { init, calls } = makeInit({ slow: true });
  const { get, lock } = lazyUnderTest(init);
  const got = await callFromThreads(get, 3, 1);
  got.push(await get()); // a late caller, after initialization
  expectOneInstance(got, await calls.load(), 1);
  initRanUnderLock();
  await fastPathTakesNoLock(get, lock, got[0]!);
}

export async function failedInitRetries() {
  const { init, calls } = makeInit({ failFirst: true });
  const { get, lock } = lazyUnderTest(init);
  let error: unknown = null;
  try {
    await get();
  } catch (e) {
    error = e;
  }
  assert(
    error instanceof Error && error.message === "the configuration server is down",
    `the first call should reject with init()'s error, got ${String(error)}`,
  );
  const got = await callFromThreads(get, 3, 1);
  expectOneInstance(got, await calls.load(), 2);
  assert(got[0]!.id === 2, "after a failed init(), the next call should initialize again");
  initRanUnderLock();
  await fastPathTakesNoLock(get, lock, got[0]!);
}

export async function manyGetters() {
  const { init, calls } = makeInit();
  const { get, lock } = lazyUnderTest(init);
  const got = await callFromThreads(get, 6, 1);
  got.push(await get());
  expectOneInstance(got, await calls.load(), 1);
  initRanUnderLock();
  await fastPathTakesNoLock(get, lock, got[0]!);
}
