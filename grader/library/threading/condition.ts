// threading.Condition: wait releases the lock (fully, for an RLock) and reacquires it
// before returning; notify(n) wakes the n longest waiters; notifyAll wakes every waiter.

import { autoName, sched } from "../../engine/context";
import { RuntimeError, ValueError } from "../errors";
import type { Scheduler, VThread } from "../../engine/scheduler";
import { conditionLocks, RLock, type ConditionLock, type LockHold } from "./locks";
import { deadlineOf, type BlockingOptions, type TimeoutOptions } from "./options";

interface Lockish {
  acquire(options?: BlockingOptions | boolean): Promise<boolean>;
  release(): PromiseLike<void>;
  hold(): Promise<LockHold>;
}

export class Condition {
  readonly name: string;
  readonly #s: Scheduler;
  readonly #lock: Lockish;
  readonly #inner: ConditionLock;
  readonly #waiters: VThread[] = [];
  /** Threads woken by notify (as opposed to a timeout), so wait() can answer true or false. */
  readonly #notified = new Set<VThread>();

  constructor(lock?: Lockish, name?: string) {
    this.#s = sched();
    this.name = name ?? autoName("Condition");
    this.#lock = lock ?? new RLock(`${this.name}.lock`);
    const inner = conditionLocks.get(this.#lock);
    if (!inner) throw new ValueError("Condition needs a Lock or an RLock from 'interleave'");
    this.#inner = inner;
    if (new.target === Condition) Object.freeze(this);
  }

  acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    return this.#lock.acquire(options);
  }

  release(): PromiseLike<void> {
    return this.#lock.release();
  }

  hold(): Promise<LockHold> {
    return this.#lock.hold();
  }

  /** Resolves to false when the timeout expired before a notify. */
  async wait(options?: TimeoutOptions): Promise<boolean> {
    const s = this.#s;
    const t = s.enter("wait");
    try {
      return await this.#waitAs(t, options);
    } finally {
      s.leave(t);
    }
  }

  async #waitAs(t: VThread, options?: TimeoutOptions): Promise<boolean> {
    const s = this.#s;
    if (!this.#inner.isOwned(t)) throw new RuntimeError(`cannot wait on un-acquired lock (${this.#inner.name})`);
    const deadline = deadlineOf(s.now, options);
    const saved = this.#inner.releaseSave(t);
    s.event(t, "wait", this.name);
    this.#notified.delete(t);
    s.monitor.release(t, this);
    const woken = await s.block(t, { op: "wait", target: this.name, waiters: this.#waiters }, deadline);
    const gotNotify = woken && this.#notified.delete(t);
    s.monitor.acquire(t, this);
    await this.#inner.acquireRestore(t, saved);
    return gotNotify;
  }

  /** Python's wait_for: wait until `predicate()` is true; resolves to its last value. */
  async waitFor<T>(predicate: () => T | Promise<T>, options?: TimeoutOptions): Promise<T> {
    const s = this.#s;
    let result = await predicate();
    const deadline = deadlineOf(s.now, options);
    while (!result) {
      if (deadline !== Infinity) {
        const left = deadline - s.now;
        if (left <= 0) break;
        await this.wait({ timeout: left });
      } else {
        await this.wait();
      }
      result = await predicate();
    }
    return result;
  }

  notify(n = 1): PromiseLike<void> {
    const s = this.#s;
    const t = s.current;
    if (t === null) throw new RuntimeError("notify() must be called from inside a thread");
    if (!this.#inner.isOwned(t)) throw new RuntimeError(`cannot notify on un-acquired lock (${this.#inner.name})`);
    s.event(t, n >= this.#waiters.length && n > 1 ? "notifyAll" : "notify", this.name, n);
    s.monitor.release(t, this);
    for (const w of this.#waiters.slice(0, Math.max(0, n))) {
      this.#notified.add(w);
      s.wake(w);
    }
    return s.lazyPoint();
  }

  notifyAll(): PromiseLike<void> {
    return this.notify(Math.max(1, this.#waiters.length));
  }
}
