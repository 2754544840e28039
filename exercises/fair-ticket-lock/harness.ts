import { assert, AtomicInt, currentThread, Shared, sleep, spawn, yieldNow, type Thread } from "interleave";
import { FairLock } from "./solution";

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** Harness bookkeeping (plain JS: atomic between two awaits). */
class Room {
  inside: string[] = [];
  enter(who: string): void {
    assert(
      this.inside.length === 0,
      `${who} got the lock while ${this.inside.join(", ")} held it: the lock must let one thread in at a time`,
    );
    this.inside.push(who);
  }
  leave(who: string): void {
    this.inside = this.inside.filter((t) => t !== who);
  }
}

/** Three threads add to a counter under the lock: no update is lost, nobody overlaps. */
export async function mutualExclusion() {
  const lock = new FairLock(new AtomicInt(0, "tickets"));
  const room = new Room();
  const counter = new Shared(0, "counter");
  const threads = [1, 2, 3].map((n) =>
    spawn(async () => {
      for (let i = 0; i < 3; i++) {
        await lock.acquire();
        room.enter(`Worker-${n}`);
        const v = await counter.get();
        await yieldNow();
        await counter.set(v + 1);
        room.leave(`Worker-${n}`);
        await lock.release();
      }
    }, `Worker-${n}`),
  );
  await joinAll(threads);
  const total = await counter.get();
  assert(total === 9, `3 threads × 3 increments under the lock should count 9, got ${total}`);
}

/**
 * Three threads keep asking for the lock until each of them has had it three times; each
 * holds it for 5 ms and asks again at once. With a fair lock everybody gets their turns;
 * with a barging or last-come-first-served lock some thread can lose every time.
 */
export async function noThreadStarves() {
  const lock = new FairLock(new AtomicInt(0, "tickets"));
  const room = new Room();
  const owner = new Shared("nobody", "owner");
  const names = ["Worker-1", "Worker-2", "Worker-3"];
  const turns = new Map(names.map((n) => [n, 0]));
  const everyoneServed = () => [...turns.values()].every((n) => n >= 3);
  const threads = names.map((who) =>
    spawn(async () => {
      while (!everyoneServed()) {
        await lock.acquire();
        room.enter(who);
        await owner.set(who);
        await sleep(5); // a critical section that takes a while
        const o = await owner.get();
        assert(o === who, `${who} held the lock, yet ${o} wrote the owner cell meanwhile`);
        turns.set(who, turns.get(who)! + 1);
        room.leave(who);
        await lock.release();
      }
    }, who),
  );
  await joinAll(threads);
}

/** Threads that queue up one after another get the lock in that order. */
export async function firstComeFirstServed() {
  const { tickets, drawn } = dispenser();
  const lock = new FairLock(tickets);
  const order: string[] = [];
  await lock.acquire();
  const threads: Thread[] = [];
  for (const name of ["First", "Second", "Third"]) {
    threads.push(
      spawn(async () => {
        await lock.acquire();
        order.push(name);
        await lock.release();
      }, name),
    );
    await sleep(1000); // the thread is now waiting for the lock
  }
  await lock.release();
  await joinAll(threads);
  assert(
    order.join(", ") === "First, Second, Third",
    `three threads asked for the lock one after another (First, Second, Third) while it was held, but got it in the order ${order.join(", ")}: a fair lock serves them first come, first served`,
  );
  assert(
    drawn.join(", ") === "MainThread, First, Second, Third",
    `every acquire() must draw one ticket from the dispenser it is given, in the order the threads asked: the draws were [${drawn.join(", ")}]. Build the ticket lock — wrapping a Lock or a Semaphore is not the exercise.`,
  );
}

/** The ticket dispenser, noting which thread drew each ticket (by the value it moved on). */
function dispenser(): { tickets: AtomicInt; drawn: string[] } {
  const inner = new AtomicInt(0, "tickets");
  const drawn: string[] = [];
  const note = (before: number, after: number) => {
    if (after === before + 1) drawn.push(currentThread().name);
  };
  const tickets = {
    name: "tickets",
    load: () => inner.load(),
    store: async (v: number) => {
      note(await inner.load(), v);
      return inner.store(v);
    },
    fetchAdd: async (d: number) => {
      const before = await inner.fetchAdd(d);
      note(before, before + d);
      return before;
    },
    exchange: async (v: number) => {
      const before = await inner.exchange(v);
      note(before, v);
      return before;
    },
    compareExchange: async (e: number, d: number) => {
      const ok = await inner.compareExchange(e, d);
      if (ok) note(e, d);
      return ok;
    },
  } as unknown as AtomicInt;
  return { tickets, drawn };
}
