import { assert, currentThread, Event, Lock, Shared } from "interleave";
import { countConcurrently } from "./solution";

/**
 * The counter and the lock the solution is given. Both forward to real runtime objects (so
 * the race detector sees every access) and note what happened: the count must be built by
 * the worker threads one increment at a time under the lock, and the workers must run at
 * the same time — each one's first `acquire` waits (briefly, in virtual time) until every
 * worker has asked for the lock, which only happens when all of them were started before
 * any was joined.
 */
function observed(threads: number) {
  const cell = new Shared(0, "counter");
  const real = new Lock("counterLock");
  const main = currentThread().name;
  const everyoneArrived = new Event("everyoneArrived");
  const arrived = new Set<string>();
  const log = { value: 0, increments: 0, jumps: 0, unlocked: 0, alone: 0, writers: new Set<string>() };
  let owner: string | null = null;
  const acquire = async (options?: { timeout?: number }): Promise<boolean> => {
    const who = currentThread().name;
    if (who !== main && !arrived.has(who)) {
      arrived.add(who);
      if (arrived.size >= threads) everyoneArrived.set();
      else if (!(await everyoneArrived.wait({ timeout: 1000 }))) log.alone++;
    }
    const ok = await real.acquire(options);
    if (ok) owner = who;
    return ok;
  };
  const release = () => {
    owner = null;
    return real.release();
  };
  const lock = {
    name: "counterLock",
    acquire,
    release,
    locked: () => real.locked(),
    hold: async () => {
      await acquire();
      return { [Symbol.asyncDispose]: async () => void (await release()) };
    },
  } as unknown as Lock;
  const counter = {
    name: "counter",
    get: () => cell.get(),
    set: (v: number) => {
      const who = currentThread().name;
      if (who === main || v !== log.value + 1) log.jumps++;
      else log.increments++;
      if (owner !== who) log.unlocked++;
      log.writers.add(who);
      log.value = v;
      return cell.set(v);
    },
  } as unknown as Shared<number>;
  return { counter, lock, log, main };
}

async function count(threads: number, perThread: number) {
  const { counter, lock, log, main } = observed(threads);
  const total = await countConcurrently(counter, lock, threads, perThread);
  const increments = log.increments; // what had happened when the solution returned
  const expected = threads * perThread;
  assert(
    log.jumps === 0,
    "the counter must be built by the worker threads one increment at a time (read, then write the value + 1), not written in one go",
  );
  assert(
    log.writers.size === threads && !log.writers.has(main),
    `each of the ${threads} threads should add to the counter itself, but ${log.writers.size} thread(s) wrote it`,
  );
  assert(
    log.alone === 0,
    "the workers did not run at the same time: start every thread first, then join them (a thread joined before the next one starts runs alone)",
  );
  assert(
    total === expected && increments === expected,
    `${threads} threads × ${perThread} increments should count ${expected}, got ${total} (${increments} increments had been made when the solution returned)`,
  );
  assert(log.unlocked === 0, "every increment must happen while its thread holds the lock you were given");
  const stored = await counter.get();
  assert(stored === expected, `the counter you were given should hold ${expected}, it holds ${stored}`);
}

export async function twoThreads() {
  await count(2, 3);
}

export async function manyThreads() {
  await count(4, 5);
}

export async function waitsForWorkers() {
  await count(3, 1);
}
