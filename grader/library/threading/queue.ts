// queue.Queue: FIFO with an optional maxsize, blocking put/get with timeouts (Full/Empty),
// and task accounting (taskDone/join). Each item carries its own happens-before edge from
// the put to the get that takes it.

import { autoName, sched } from "../../engine/context";
import { Empty, Full, RuntimeError, ValueError } from "../errors";
import type { Scheduler, VThread } from "../../engine/scheduler";
import { deadlineOf, type TimeoutOptions } from "./options";

export interface QueueOptions extends TimeoutOptions {
  block?: boolean;
}

interface Slot<T> {
  value: T;
}

export class Queue<T = unknown> {
  readonly name: string;
  readonly maxsize: number;
  readonly #items: Slot<T>[] = [];
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { unfinished: number } = { unfinished: 0 };
  readonly #s: Scheduler;
  readonly #getters: VThread[] = [];
  readonly #putters: VThread[] = [];
  readonly #joiners: VThread[] = [];

  constructor(maxsize = 0, name?: string) {
    if (!Number.isInteger(maxsize)) throw new ValueError("maxsize must be an integer");
    this.#s = sched();
    this.maxsize = maxsize;
    this.name = name ?? autoName("Queue");
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

  async put(item: T, options?: QueueOptions): Promise<void> {
    const s = this.#s;
    const t = s.enter("put");
    try {
      await s.point(t);
      const deadline = this.#deadline(options);
      while (this.full()) {
        if (s.now >= deadline) throw new Full(`${this.name} is full`);
        await s.block(t, { op: "put", target: this.name, waiters: this.#putters }, deadline);
      }
      // A bounded queue's free slots are a semaphore (CPython's not_full): a put comes after
      // the get that made room, so a Queue(1) used as a lock orders what its holders do.
      if (this.maxsize > 0) s.monitor.acquire(t, this.#putters);
      const slot = { value: item };
      s.monitor.release(t, slot);
      this.#items.push(slot);
      this.#m.unfinished++;
      s.event(t, "put", this.name, item);
      const g = this.#getters[0];
      if (g) s.wake(g);
    } finally {
      s.leave(t);
    }
  }

  async get(options?: QueueOptions): Promise<T> {
    const s = this.#s;
    const t = s.enter("get");
    try {
      await s.point(t);
      const deadline = this.#deadline(options);
      while (this.#items.length === 0) {
        if (s.now >= deadline) throw new Empty(`${this.name} is empty`);
        await s.block(t, { op: "get", target: this.name, waiters: this.#getters }, deadline);
      }
      const slot = this.#items.shift()!;
      s.monitor.acquire(t, slot);
      if (this.maxsize > 0) s.monitor.release(t, this.#putters);
      s.event(t, "get", this.name, slot.value);
      const p = this.#putters[0];
      if (p) s.wake(p);
      return slot.value;
    } finally {
      s.leave(t);
    }
  }

  /** Python's queue: block=False ignores the timeout; a negative timeout is a ValueError (not "forever"). */
  #deadline(options: QueueOptions | undefined): number {
    if (options?.block === false) return this.#s.now;
    const timeout = options?.timeout;
    if (typeof timeout === "number" && timeout < 0) throw new ValueError("'timeout' must be a non-negative number");
    return deadlineOf(this.#s.now, options);
  }

  putNowait(item: T): Promise<void> {
    return this.put(item, { block: false });
  }

  getNowait(): Promise<T> {
    return this.get({ block: false });
  }

  taskDone(): PromiseLike<void> {
    const s = this.#s;
    const t = s.current;
    if (t === null) throw new RuntimeError("taskDone() must be called from inside a thread");
    if (this.#m.unfinished <= 0) throw new ValueError("task_done() called too many times");
    this.#m.unfinished--;
    s.monitor.release(t, this);
    s.event(t, "taskDone", this.name, this.#m.unfinished);
    if (this.#m.unfinished === 0) for (const w of [...this.#joiners]) s.wake(w);
    return s.lazyPoint();
  }

  /** Block until every item put has been marked done with taskDone(). */
  async join(): Promise<void> {
    const s = this.#s;
    const t = s.enter("join");
    try {
      await s.point(t);
      while (this.#m.unfinished > 0) {
        await s.block(t, {
          op: "join",
          target: this.name,
          waiters: this.#joiners,
          waitsFor: () =>
            `${this.#m.unfinished} unfinished task${this.#m.unfinished === 1 ? "" : "s"} (items got but not yet marked with taskDone())`,
        });
      }
      s.monitor.acquire(t, this);
      s.event(t, "join", this.name);
    } finally {
      s.leave(t);
    }
  }
}
