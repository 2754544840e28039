// Lock and RLock with Python's threading semantics (Lib/threading.py, Lib/test/lock_tests.py):
// a Lock may be released by any thread but not when unlocked; an RLock belongs to its owner
// and counts recursion. A release wakes the waiters, who compete again (no hand-off), so
// the strategy decides who wins — as on a real machine.

import { autoName, sched } from "../../engine/context";
import { RuntimeError, ValueError } from "../errors";
import type { LockRef } from "../../engine/monitor";
import type { Scheduler, VThread } from "../../engine/scheduler";
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

/** A lock's state: in a side table, never in a property a program could reach (issue 9). */
interface LockState {
  readonly s: Scheduler;
  readonly ref: LockRef;
  readonly name: string;
  readonly waiters: VThread[];
  owner: VThread | null;
  /** RLock's recursion count. */
  count: number;
  /** Whether the acquisition that just succeeded through acquireAs could have waited forever. */
  couldWaitForever: boolean;
  /** Take the lock for `t` if it may; true when taken. */
  readonly tryTake: (t: VThread) => boolean;
}

const states = new WeakMap<object, LockState>();

function stateOf(lock: object): LockState {
  const st = states.get(lock);
  if (st === undefined) throw new TypeError("not a lock made by the interleave runtime");
  return st;
}

async function acquireAs(
  st: LockState,
  t: VThread,
  op: string,
  options: BlockingOptions | boolean | undefined,
): Promise<boolean> {
  const s = st.s;
  // Which lock the thread is about to take: a directed (DeadlockFuzzer) schedule pauses it here.
  t.pendingLock = st.ref;
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
  while (!st.tryTake(t)) {
    if (s.now >= deadline) {
      s.event(t, op, st.name, false);
      return false;
    }
    const holder = () => st.owner;
    await s.block(t, { op, target: st.name, waiters: st.waiters, holder }, deadline);
  }
  s.event(t, op, st.name);
  // A timed or non-blocking acquisition cannot wait forever: it adds no lock-order edge.
  // Set only now: the caller reads it before any other thread runs, whereas a value set
  // before blocking would be overwritten by other threads acquiring meanwhile.
  st.couldWaitForever = deadline === Infinity;
  return true;
}

function wakeWaiters(st: LockState): void {
  for (const w of [...st.waiters]) st.s.wake(w);
}

/** Record an acquisition with the detectors (once per outermost acquisition). */
function taken(st: LockState, lock: object, t: VThread): void {
  st.s.monitor.acquire(t, lock);
  st.s.monitor.lockAcquired(t, st.ref, st.couldWaitForever);
}

/** Give the lock up entirely and wake its waiters. */
function releaseAll(st: LockState, lock: object, t: VThread, op: string): void {
  st.s.monitor.release(t, lock);
  st.s.monitor.lockReleased(t, st.ref);
  st.owner = null;
  st.count = 0;
  st.s.event(t, op, st.name);
  wakeWaiters(st);
}

abstract class BaseLock {
  readonly name: string;

  constructor(name?: string) {
    const s = sched();
    // Reentrant by its class (RLock or a subclass), never by an argument a program could pass.
    const reentrant = new.target === RLock || new.target.prototype instanceof RLock;
    const kind = reentrant ? "RLock" : "Lock";
    const tryTake = reentrant ? takeRLock : takeLock;
    this.name = name === undefined || name === null ? autoName(kind) : String(name);
    const st: LockState = {
      s,
      ref: { key: this, name: this.name },
      name: this.name,
      waiters: [],
      owner: null,
      count: 0,
      couldWaitForever: true,
      tryTake: (t) => tryTake(st, t),
    };
    states.set(this, st);
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

  locked(): boolean {
    return stateOf(this).owner !== null;
  }

  abstract acquire(options?: BlockingOptions | boolean): Promise<boolean>;
  abstract release(): PromiseLike<void>;
}

function takeLock(st: LockState, t: VThread): boolean {
  if (st.owner !== null) return false;
  st.owner = t;
  return true;
}

function takeRLock(st: LockState, t: VThread): boolean {
  if (st.owner === t) {
    st.count++;
    return true;
  }
  if (st.owner !== null) return false;
  st.owner = t;
  st.count = 1;
  return true;
}

export class Lock extends BaseLock {
  constructor(name?: string) {
    super(name);
    const st = stateOf(this);
    conditionLocks.set(this, {
      name: this.name,
      isOwned: () => st.owner !== null,
      releaseSave: (t) => {
        if (st.owner === null) throw new RuntimeError(`release unlocked lock (${st.name})`);
        releaseAll(st, this, t, "release");
        return 1;
      },
      acquireRestore: async (t) => {
        await acquireAs(st, t, "acquire", undefined);
        taken(st, this, t);
      },
    });
    if (new.target === Lock) Object.freeze(this);
  }

  /** Resolves to true when acquired; `{ timeout }` (virtual ms) or `{ blocking: false }` may give false. */
  async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const st = stateOf(this);
    const t = st.s.enter("acquire");
    try {
      const ok = await acquireAs(st, t, "acquire", options);
      if (ok) taken(st, this, t);
      return ok;
    } finally {
      st.s.leave(t);
    }
  }

  /** Takes effect at once (any thread may release a Lock, as in Python); awaiting it is a scheduling point. */
  release(): PromiseLike<void> {
    const st = stateOf(this);
    const s = st.s;
    const t = s.current;
    if (t === null) throw new RuntimeError("release() must be called from inside a thread");
    if (st.owner === null) throw new RuntimeError(`release unlocked lock (${st.name})`);
    releaseAll(st, this, t, "release");
    return s.lazyPoint();
  }
}

export class RLock extends BaseLock {
  constructor(name?: string) {
    super(name);
    const st = stateOf(this);
    conditionLocks.set(this, {
      name: this.name,
      isOwned: (t) => st.owner === t,
      releaseSave: (t) => {
        const saved = st.count;
        releaseAll(st, this, t, "release");
        return saved;
      },
      acquireRestore: async (t, saved) => {
        await acquireAs(st, t, "acquire", undefined);
        st.count = saved;
        taken(st, this, t);
      },
    });
    if (new.target === RLock) Object.freeze(this);
  }

  async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const st = stateOf(this);
    const t = st.s.enter("acquire");
    try {
      const reentry = st.owner === t;
      const ok = await acquireAs(st, t, "acquire", options);
      if (ok && !reentry) taken(st, this, t);
      return ok;
    } finally {
      st.s.leave(t);
    }
  }

  /** Only the owner may release; the lock is free when the recursion count drops to zero. */
  release(): PromiseLike<void> {
    const st = stateOf(this);
    const s = st.s;
    const t = s.current;
    if (t === null) throw new RuntimeError("release() must be called from inside a thread");
    if (st.owner !== t) throw new RuntimeError(`cannot release un-acquired lock (${st.name} is not held by ${t.name})`);
    st.count--;
    if (st.count === 0) releaseAll(st, this, t, "release");
    else s.event(t, "release", st.name, st.count);
    return s.lazyPoint();
  }
}
