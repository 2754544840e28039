// A blocking FIFO between virtual threads, for the runtime's own plumbing: ProcessQueue,
// Pipe and Pool are built on it. Every item carries a happens-before edge from its put to
// its get, so results handed back between processes are never reported as races. It
// charges no costs itself (the callers charge the copies). Waiting in it is a blocking call
// (multiprocessing's queues and pipes are): in an asyncio task it blocks the whole loop.

import { Empty, Full, ValueError } from "../errors";
import { deadlineOf, type TimeoutOptions } from "../threading/options";
import type { Scheduler, VThread } from "../../engine/scheduler";

export interface ChannelOptions extends TimeoutOptions {
  block?: boolean;
}

export class Channel<T> {
  readonly #items: { value: T }[] = [];
  readonly #getters: VThread[] = [];
  readonly #putters: VThread[] = [];
  /** No more puts will come: gets on an empty closed channel return `ended`. */
  closed = false;

  readonly #s: Scheduler;
  readonly name: string;
  readonly maxsize: number;

  constructor(s: Scheduler, name: string, maxsize = 0) {
    this.#s = s;
    this.name = name;
    this.maxsize = maxsize;
  }

  get size(): number {
    return this.#items.length;
  }

  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize;
  }

  #deadline(options: ChannelOptions | undefined): number {
    if (options?.block === false) return this.#s.now;
    const timeout = options?.timeout;
    if (typeof timeout === "number" && timeout < 0) throw new ValueError("'timeout' must be a non-negative number");
    return deadlineOf(this.#s.now, options);
  }

  /** Put (blocking while full); the caller has entered an operation on `t`. */
  async put(t: VThread, value: T, options?: ChannelOptions, op = "put"): Promise<void> {
    const s = this.#s;
    await s.point(t);
    const deadline = this.#deadline(options);
    while (this.full()) {
      if (s.now >= deadline) throw new Full(`${this.name} is full`);
      await s.block(t, { op, target: this.name, waiters: this.#putters }, deadline);
    }
    // Bounded: a put comes after the get that made room (as in Queue).
    if (this.maxsize > 0) s.monitor.acquire(t, this.#putters);
    const slot = { value };
    s.monitor.release(t, slot);
    this.#items.push(slot);
    s.event(t, op, this.name);
    // Every waiter re-checks in its loop: waking them all keeps pollers and getters right.
    for (const g of [...this.#getters]) s.wake(g);
  }

  /** Get (blocking while empty); `ended` when the channel is closed and drained. */
  async get<E>(t: VThread, ended: E, options?: ChannelOptions, op = "get"): Promise<T | E> {
    const s = this.#s;
    await s.point(t);
    const deadline = this.#deadline(options);
    while (this.#items.length === 0) {
      if (this.closed) return ended;
      if (s.now >= deadline) throw new Empty(`${this.name} is empty`);
      await s.block(t, { op, target: this.name, waiters: this.#getters }, deadline);
    }
    const slot = this.#items.shift()!;
    s.monitor.acquire(t, slot);
    if (this.maxsize > 0) s.monitor.release(t, this.#putters);
    s.event(t, op, this.name);
    for (const p of [...this.#putters]) s.wake(p);
    return slot.value;
  }

  /** Wait until an item is there (or the deadline passes, or the channel closes): poll(). */
  async waitReadable(t: VThread, deadline: number): Promise<boolean> {
    const s = this.#s;
    await s.point(t);
    while (this.#items.length === 0 && !this.closed) {
      if (s.now >= deadline) return false;
      await s.block(t, { op: "poll", target: this.name, waiters: this.#getters }, deadline);
    }
    return this.#items.length > 0;
  }

  close(): void {
    this.closed = true;
    for (const g of [...this.#getters]) this.#s.wake(g);
  }
}
