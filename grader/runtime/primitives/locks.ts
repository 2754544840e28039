// Lock and RLock with Python's threading semantics (Lib/threading.py, Lib/test/lock_tests.py):
// a Lock may be released by any thread but not when unlocked; an RLock belongs to its owner
// and counts recursion. A release wakes the waiters, who compete again (no hand-off), so
// the strategy decides who wins — as on a real machine.

import { autoName, sched } from "../context";
import { RuntimeError, ValueError } from "../errors";
import type { LockRef } from "../monitor";
import type { Scheduler, VThread } from "../scheduler";
import { deadlineOf, isBlocking, optionsOf, type BlockingOptions } from "./options";

/** What Condition needs from its lock (Python's _release_save / _acquire_restore / _is_owned). */
export interface ConditionLock {
  readonly name: string;
  isOwned(t: VThread): boolean;
  releaseSave(t: VThread): number;
  acquireRestore(t: VThread, saved: number): Promise<void>;
}

export const conditionLocks = new WeakMap<object, ConditionLock>();

export interface LockHold {
  [Symbol.asyncDispose](): Promise<void>;
}

abstract class BaseLock {
  protected owner: VThread | null = null;
  protected readonly waiters: VThread[] = [];
  protected readonly s: Scheduler;
  protected readonly ref: LockRef;
  /** Whether the acquisition that just succeeded through acquireAs could have waited forever. */
  protected couldWaitForever = true;
  readonly name: string;

  constructor(kind: string, name?: string) {
    this.s = sched();
    this.name = name ?? autoName(kind);
    this.ref = { key: this, name: this.name };
  }

  /** Take the lock for `t` if it may; true when taken. */
  protected abstract tryTake(t: VThread): boolean;

  protected async acquireAs(t: VThread, op: string, options: BlockingOptions | boolean | undefined): Promise<boolean> {
    const s = this.s;
    // Which lock the thread is about to take: a directed (DeadlockFuzzer) schedule pauses it here.
    t.pendingLock = this.ref;
    await s.point(t);
    t.pendingLock = null;
    const opts = optionsOf(options);
    const blocking = isBlocking(opts);
    // Python's lock.acquire(blocking, timeout): -1 is the default and means forever; any
    // other negative timeout, or a timeout on a non-blocking call, is a ValueError.
    const timeout = opts.timeout === -1 ? null : opts.timeout;
    if (!blocking && timeout !== undefined && timeout !== null)
      throw new ValueError("can't specify a timeout for a non-blocking call");
    if (typeof timeout === "number" && timeout < 0) throw new ValueError("timeout value must be a non-negative number");
    const deadline = blocking ? deadlineOf(s.now, { timeout }) : s.now;
    while (!this.tryTake(t)) {
      if (s.now >= deadline) {
        s.event(t, op, this.name, false);
        return false;
      }
      const holder = () => this.owner;
      await s.block(t, { op, target: this.name, waiters: this.waiters, holder }, deadline);
    }
    s.event(t, op, this.name);
    // A timed or non-blocking acquisition cannot wait forever: it adds no lock-order edge.
    // Set only now: the caller reads it before any other thread runs, whereas a value set
    // before blocking would be overwritten by other threads acquiring meanwhile.
    this.couldWaitForever = deadline === Infinity;
    return true;
  }

  protected wakeWaiters(): void {
    for (const w of [...this.waiters]) this.s.wake(w);
  }

  /** `await using _ = await lock.hold()` — Python's `with lock:`. */
  async hold(): Promise<LockHold> {
    await this.acquire();
    let released = false;
    return Object.freeze({
      [Symbol.asyncDispose]: async () => {
        if (released) return;
        released = true;
        await this.release();
      },
    });
  }

  abstract acquire(options?: BlockingOptions | boolean): Promise<boolean>;
  abstract release(): PromiseLike<void>;
}

export class Lock extends BaseLock {
  constructor(name?: string) {
    super("Lock", name);
    conditionLocks.set(this, {
      name: this.name,
      isOwned: () => this.owner !== null,
      releaseSave: (t) => {
        this.releaseAs(t, "release");
        return 1;
      },
      acquireRestore: async (t) => {
        await this.acquireAs(t, "acquire", undefined);
        this.taken(t);
      },
    });
  }

  protected tryTake(t: VThread): boolean {
    if (this.owner !== null) return false;
    this.owner = t;
    return true;
  }

  private taken(t: VThread): void {
    this.s.monitor.acquire(t, this);
    this.s.monitor.lockAcquired(t, this.ref, this.couldWaitForever);
  }

  /** Resolves to true when acquired; `{ timeout }` (virtual ms) or `{ blocking: false }` may give false. */
  async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const t = this.s.enter("acquire");
    try {
      const ok = await this.acquireAs(t, "acquire", options);
      if (ok) this.taken(t);
      return ok;
    } finally {
      this.s.leave(t);
    }
  }

  private releaseAs(t: VThread, op: string): void {
    if (this.owner === null) throw new RuntimeError(`release unlocked lock (${this.name})`);
    this.s.monitor.release(t, this);
    this.s.monitor.lockReleased(t, this.ref);
    this.owner = null;
    this.s.event(t, op, this.name);
    this.wakeWaiters();
  }

  /** Takes effect at once (any thread may release a Lock, as in Python); awaiting it is a scheduling point. */
  release(): PromiseLike<void> {
    const s = this.s;
    const t = s.current;
    if (t === null) throw new RuntimeError("release() must be called from inside a thread");
    this.releaseAs(t, "release");
    return s.lazyPoint();
  }

  locked(): boolean {
    return this.owner !== null;
  }
}

export class RLock extends BaseLock {
  private count = 0;

  constructor(name?: string) {
    super("RLock", name);
    conditionLocks.set(this, {
      name: this.name,
      isOwned: (t) => this.owner === t,
      releaseSave: (t) => {
        const saved = this.count;
        this.count = 0;
        this.s.monitor.release(t, this);
        this.s.monitor.lockReleased(t, this.ref);
        this.owner = null;
        this.s.event(t, "release", this.name);
        this.wakeWaiters();
        return saved;
      },
      acquireRestore: async (t, saved) => {
        await this.acquireAs(t, "acquire", undefined);
        this.count = saved;
        this.s.monitor.acquire(t, this);
        this.s.monitor.lockAcquired(t, this.ref, this.couldWaitForever);
      },
    });
  }

  protected tryTake(t: VThread): boolean {
    if (this.owner === t) {
      this.count++;
      return true;
    }
    if (this.owner !== null) return false;
    this.owner = t;
    this.count = 1;
    return true;
  }

  async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const t = this.s.enter("acquire");
    try {
      const reentry = this.owner === t;
      const ok = await this.acquireAs(t, "acquire", options);
      if (ok && !reentry) {
        this.s.monitor.acquire(t, this);
        this.s.monitor.lockAcquired(t, this.ref, this.couldWaitForever);
      }
      return ok;
    } finally {
      this.s.leave(t);
    }
  }

  /** Only the owner may release; the lock is free when the recursion count drops to zero. */
  release(): PromiseLike<void> {
    const s = this.s;
    const t = s.current;
    if (t === null) throw new RuntimeError("release() must be called from inside a thread");
    if (this.owner !== t)
      throw new RuntimeError(`cannot release un-acquired lock (${this.name} is not held by ${t.name})`);
    this.count--;
    if (this.count === 0) {
      s.monitor.release(t, this);
      s.monitor.lockReleased(t, this.ref);
      this.owner = null;
      s.event(t, "release", this.name);
      this.wakeWaiters();
    } else {
      s.event(t, "release", this.name, this.count);
    }
    return s.lazyPoint();
  }

  locked(): boolean {
    return this.owner !== null;
  }
}
