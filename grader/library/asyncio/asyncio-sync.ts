// asyncio's synchronization primitives (Lib/asyncio/locks.py, queues.py): not thread-safe,
// meant for the tasks of one loop. An uncontended acquire does not give the loop away (as in
// Python); a contended one waits in FIFO order and yields the loop to other tasks. Waiting
// can be cancelled (CancelledError) and bounded with asyncio.waitFor.

import { autoName, sched } from "../../engine/context";
import { RuntimeError, ValueError } from "../errors";
import { takeCancel } from "./asyncio";
import { markUnpicklable } from "../multiprocessing/pickle";
import type { Scheduler, VThread } from "../../engine/scheduler";

export class QueueEmpty extends Error {
  constructor(message = "the queue is empty") {
    super(message);
    this.name = "QueueEmpty";
  }
}

export class QueueFull extends Error {
  constructor(message = "the queue is full") {
    super(message);
    this.name = "QueueFull";
  }
}

/** Run `body` as an asyncio operation of the current thread or task. */
async function op<R>(name: string, body: (s: Scheduler, t: VThread) => Promise<R>): Promise<R> {
  const s = sched();
  const t = s.enter(name);
  try {
    takeCancel(t);
    await s.point(t);
    return await body(s, t);
  } finally {
    s.leave(t);
  }
}

/** Wait in `queue` until `granted()` (FIFO hand-off); a cancelled waiter leaves the queue. */
async function waitTurn(
  s: Scheduler,
  t: VThread,
  queue: VThread[],
  opName: string,
  target: string,
  granted: () => boolean,
  holder?: () => VThread | null,
): Promise<void> {
  while (!granted()) {
    await s.block(t, { op: opName, target, waiters: queue, yieldsLoop: true, holder });
    if (granted()) return;
    takeCancel(t);
  }
}

export interface AsyncLockHold {
  [Symbol.asyncDispose](): Promise<void>;
}

export class Lock {
  readonly name: string;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { owner: VThread | null; locked: boolean } = { owner: null, locked: false };
  readonly #waiters: VThread[] = [];

  constructor(name?: string) {
    sched();
    this.name = name ?? autoName("asyncio.Lock");
    if (new.target === Lock) Object.freeze(this);
  }

  locked(): boolean {
    return this.#m.locked;
  }

  acquire(): Promise<boolean> {
    return op("acquire", async (s, t) => {
      if (!this.#m.locked && this.#waiters.length === 0) {
        this.#m.locked = true;
        this.#m.owner = t;
      } else {
        await waitTurn(
          s,
          t,
          this.#waiters,
          "acquire",
          this.name,
          () => this.#m.owner === t,
          () => this.#m.owner,
        );
      }
      s.monitor.acquire(t, this);
      s.event(t, "acquire", this.name);
      return true;
    });
  }

  /** Hands the lock to the longest waiting task, if any. */
  release(): void {
    const s = sched();
    const t = s.current;
    if (!this.#m.locked) throw new RuntimeError("Lock is not acquired.");
    if (t) s.monitor.release(t, this);
    const next = this.#waiters.shift();
    if (next) {
      this.#m.owner = next;
      s.wake(next);
    } else {
      this.#m.locked = false;
      this.#m.owner = null;
    }
    if (t) s.event(t, "release", this.name);
  }

  /** `await using _ = await lock.hold()` — Python's `async with lock:`. */
  async hold(): Promise<AsyncLockHold> {
    await this.acquire();
    let released = false;
    return Object.freeze({
      [Symbol.asyncDispose]: async () => {
        if (released) return;
        released = true;
        this.release();
      },
    });
  }
}

export class Semaphore {
  readonly name: string;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { value: number } = { value: 0 };
  readonly #bound: number | null;
  readonly #waiters: VThread[] = [];
  readonly #granted = new Set<VThread>();

  constructor(value = 1, name?: string) {
    sched();
    if (!Number.isInteger(value) || value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    // Bounded by its class (asyncio.BoundedSemaphore or a subclass), never by an argument.
    const bounded = new.target === BoundedSemaphore || new.target.prototype instanceof BoundedSemaphore;
    this.#m.value = value;
    this.#bound = bounded ? value : null;
    this.name = name ?? autoName(bounded ? "asyncio.BoundedSemaphore" : "asyncio.Semaphore");
    if (new.target === Semaphore) Object.freeze(this);
  }

  locked(): boolean {
    return this.#m.value === 0;
  }

  get value(): number {
    return this.#m.value;
  }

  acquire(): Promise<boolean> {
    return op("acquire", async (s, t) => {
      if (this.#m.value > 0 && this.#waiters.length === 0) {
        this.#m.value--;
      } else {
        await waitTurn(s, t, this.#waiters, "acquire", this.name, () => this.#granted.has(t));
        this.#granted.delete(t);
      }
      s.monitor.acquire(t, this);
      s.event(t, "acquire", this.name, this.#m.value);
      return true;
    });
  }

  release(): void {
    const s = sched();
    const t = s.current;
    if (this.#bound !== null && this.#m.value >= this.#bound && this.#waiters.length === 0)
      throw new ValueError("BoundedSemaphore released too many times");
    if (t) s.monitor.release(t, this);
    const next = this.#waiters.shift();
    if (next) {
      this.#granted.add(next);
      s.wake(next);
    } else {
      this.#m.value++;
    }
    if (t) s.event(t, "release", this.name, this.#m.value);
  }

  /** `await using _ = await sem.hold()` — `async with sem:`. */
  async hold(): Promise<AsyncLockHold> {
    await this.acquire();
    let released = false;
    return Object.freeze({
      [Symbol.asyncDispose]: async () => {
        if (released) return;
        released = true;
        this.release();
      },
    });
  }
}

export class BoundedSemaphore extends Semaphore {
  constructor(value = 1, name?: string) {
    super(value, name);
    if (new.target === BoundedSemaphore) Object.freeze(this);
  }
}

export class Event {
  readonly name: string;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { set: boolean } = { set: false };
  readonly #waiters: VThread[] = [];

  constructor(name?: string) {
    sched();
    this.name = name ?? autoName("asyncio.Event");
    if (new.target === Event) Object.freeze(this);
  }

  isSet(): boolean {
    const s = sched();
    if (this.#m.set && s.current) s.monitor.acquire(s.current, this);
    return this.#m.set;
  }

  set(): void {
    const s = sched();
    if (s.current) s.monitor.release(s.current, this);
    this.#m.set = true;
    for (const w of [...this.#waiters]) s.wake(w);
    if (s.current) s.event(s.current, "set", this.name);
  }

  clear(): void {
    this.#m.set = false;
  }

  wait(): Promise<true> {
    return op("wait", async (s, t) => {
      let woken = this.#m.set;
      while (!woken) {
        await s.block(t, { op: "wait", target: this.name, waiters: this.#waiters, yieldsLoop: true });
        takeCancel(t);
        // Woken by set(), even if cleared since (as asyncio's futures are).
        woken = true;
      }
      s.monitor.acquire(t, this);
      s.event(t, "wait", this.name, true);
      return true as const;
    });
  }
}

export class Queue<T = unknown> {
  readonly name: string;
  readonly maxsize: number;
  readonly #items: T[] = [];
  readonly #getters: VThread[] = [];
  readonly #putters: VThread[] = [];
  readonly #joiners: VThread[] = [];
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { unfinished: number } = { unfinished: 0 };

  constructor(maxsize = 0, name?: string) {
    sched();
    if (!Number.isInteger(maxsize)) throw new ValueError("maxsize must be an integer");
    this.maxsize = maxsize;
    this.name = name ?? autoName("asyncio.Queue");
    if (new.target === Queue) Object.freeze(this);
  }

  qsize(): number {
    return this.#items.length;
  }

  empty(): boolean {
    return this.#items.length === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize;
  }

  put(item: T): Promise<void> {
    return op("put", async (s, t) => {
      while (this.full()) {
        await s.block(t, { op: "put", target: this.name, waiters: this.#putters, yieldsLoop: true });
        takeCancel(t);
      }
      this.#push(s, t, item);
    });
  }

  #push(s: Scheduler, t: VThread, item: T): void {
    s.monitor.release(t, this.#items);
    this.#items.push(item);
    this.#m.unfinished++;
    s.event(t, "put", this.name, item);
    const g = this.#getters[0];
    if (g) s.wake(g);
  }

  get(): Promise<T> {
    return op("get", async (s, t) => {
      while (this.#items.length === 0) {
        await s.block(t, { op: "get", target: this.name, waiters: this.#getters, yieldsLoop: true });
        takeCancel(t);
      }
      return this.#shift(s, t);
    });
  }

  #shift(s: Scheduler, t: VThread): T {
    const item = this.#items.shift()!;
    s.monitor.acquire(t, this.#items);
    s.event(t, "get", this.name, item);
    const p = this.#putters[0];
    if (p) s.wake(p);
    return item;
  }

  /** Raises QueueFull instead of waiting. */
  putNowait(item: T): void {
    const s = sched();
    const t = s.current;
    if (t === null) throw new RuntimeError("putNowait() must be called from inside a task");
    if (this.full()) throw new QueueFull(`${this.name} is full`);
    this.#push(s, t, item);
  }

  /** Raises QueueEmpty instead of waiting. */
  getNowait(): T {
    const s = sched();
    const t = s.current;
    if (t === null) throw new RuntimeError("getNowait() must be called from inside a task");
    if (this.#items.length === 0) throw new QueueEmpty(`${this.name} is empty`);
    return this.#shift(s, t);
  }

  taskDone(): void {
    if (this.#m.unfinished <= 0) throw new ValueError("taskDone() called too many times");
    this.#m.unfinished--;
    const s = sched();
    if (s.current) s.monitor.release(s.current, this);
    if (this.#m.unfinished === 0) for (const w of [...this.#joiners]) s.wake(w);
  }

  /** Wait until every item put has been marked done. */
  join(): Promise<void> {
    return op("join", async (s, t) => {
      while (this.#m.unfinished > 0) {
        await s.block(t, {
          op: "join",
          target: this.name,
          waiters: this.#joiners,
          yieldsLoop: true,
          waitsFor: () =>
            `${this.#m.unfinished} unfinished task${this.#m.unfinished === 1 ? "" : "s"} (items got but not yet marked with taskDone())`,
        });
        takeCancel(t);
      }
      s.monitor.acquire(t, this);
      s.event(t, "join", this.name);
    });
  }
}

for (const [ctor, name] of [
  [Lock, "asyncio.Lock"],
  [Semaphore, "asyncio.Semaphore"],
  [Event, "asyncio.Event"],
  [Queue, "asyncio.Queue"],
] as const) {
  markUnpicklable(ctor, name);
}
