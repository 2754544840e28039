// threading.Barrier, following CPython's state machine: filling → draining → filling, with
// `resetting` and `broken`. The last thread to arrive runs the action and releases the
// others; a timeout, abort() or a failing action breaks the barrier for everyone.

import { autoName, sched } from "../../engine/context";
import { BrokenBarrierError, ValueError } from "../errors";
import type { Scheduler, VThread } from "../../engine/scheduler";
import { deadlineOf, type TimeoutOptions } from "./options";

const FILLING = 0;
const DRAINING = 1;
const RESETTING = -1;
const BROKEN = -2;

export interface BarrierOptions extends TimeoutOptions {
  action?: () => unknown;
  name?: string;
}

export class Barrier {
  readonly name: string;
  readonly parties: number;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { state: number; count: number } = { state: FILLING, count: 0 };
  readonly #s: Scheduler;
  readonly #waiters: VThread[] = [];
  readonly #action?: () => unknown;
  readonly #defaultTimeout?: number | null;

  constructor(parties: number, options?: BarrierOptions | string) {
    if (!Number.isInteger(parties) || parties < 1) throw new ValueError("parties must be an integer > 0");
    const opts = typeof options === "string" ? { name: options } : (options ?? {});
    this.#s = sched();
    this.parties = parties;
    this.name = opts.name ?? autoName("Barrier");
    this.#action = opts.action;
    this.#defaultTimeout = opts.timeout;
    if (new.target === Barrier) Object.freeze(this);
  }

  /** Resolves to this thread's arrival index (0 .. parties-1); throws BrokenBarrierError when broken. */
  async wait(options?: TimeoutOptions): Promise<number> {
    const s = this.#s;
    const t = s.enter("wait");
    try {
      await s.point(t);
      // Wait for a previous round to drain or a reset to finish. As in CPython's _enter this
      // wait has no timeout: with one, an expired deadline made sleepOn return at once and
      // this loop spin forever without a scheduling point (a thread that released a round
      // and came straight back with `{ timeout: 0 }` hung the isolate).
      while (this.#m.state === DRAINING || this.#m.state === RESETTING || this.#releasing) {
        await this.#sleepOn(t, Infinity, "wait");
      }
      if (this.#m.state === BROKEN) throw new BrokenBarrierError(`${this.name} is broken`);
      // Python: `if timeout is None: timeout = self._timeout`, counted from here (its _wait).
      const deadline = deadlineOf(s.now, { timeout: options?.timeout ?? this.#defaultTimeout });
      const index = this.#m.count++;
      s.event(t, "wait", this.name, index);
      s.monitor.release(t, this);
      try {
        if (index + 1 === this.parties) {
          // Python's last arriver runs the action under the barrier's condition lock, after
          // every party arrived: the action sees everything the parties did before wait().
          s.monitor.acquire(t, this);
          await this.#release(t);
        } else {
          while (this.#m.state === FILLING) {
            // Once the last party is in and runs the action, the round is complete: a timeout
            // then is too late to break it (in Python the waiter cannot even retake the
            // condition's lock before the action ends).
            const inTime = await this.#sleepOn(t, this.#releasing ? Infinity : deadline, "wait");
            if (!inTime && this.#m.state === FILLING && !this.#releasing) {
              this.#breakBarrier(t);
              throw new BrokenBarrierError(`${this.name} broke: the wait timed out`);
            }
          }
          if (this.#m.state < 0) throw new BrokenBarrierError(`${this.name} is broken`);
        }
        s.monitor.acquire(t, this);
        return index;
      } finally {
        this.#m.count--;
        if (this.#m.count === 0 && (this.#m.state === RESETTING || this.#m.state === DRAINING)) {
          this.#m.state = FILLING;
          this.#wakeAll();
        }
      }
    } finally {
      s.leave(t);
    }
  }

  /** The last party is in and runs the action: the round is full but not yet released. */
  get #releasing(): boolean {
    return this.#m.state === FILLING && this.#m.count >= this.parties;
  }

  async #release(t: VThread): Promise<void> {
    if (this.#action) {
      try {
        await this.#runAction(t);
      } catch (error) {
        this.#breakBarrier(t);
        throw error;
      }
    }
    // An abort() or reset() by another thread while an async action ran calls the round off.
    if (this.#m.state !== FILLING) throw new BrokenBarrierError(`${this.name} is broken`);
    // ... and the parties leave after it: what the action did happens before their return.
    if (this.#action) this.#s.monitor.release(t, this);
    this.#m.state = DRAINING;
    this.#wakeAll();
  }

  /**
   * The action is the program's own code, run by the last thread to arrive. It may use the
   * runtime (update a Shared, sleep, print through a lock...): its operations must not be
   * taken for a second operation started inside wait() (the missing-await check), and
   * threads arriving meanwhile wait for the next round (`releasing`).
   */
  async #runAction(t: VThread): Promise<void> {
    this.#s.leave(t);
    try {
      await this.#action!();
    } finally {
      this.#s.enter("wait");
    }
  }

  async #sleepOn(t: VThread, deadline: number, op: string): Promise<boolean> {
    if (this.#s.now >= deadline) return false;
    return this.#s.block(t, { op, target: this.name, waiters: this.#waiters }, deadline);
  }

  #wakeAll(): void {
    for (const w of [...this.#waiters]) this.#s.wake(w);
  }

  #breakBarrier(t: VThread): void {
    this.#m.state = BROKEN;
    this.#s.event(t, "break", this.name);
    this.#wakeAll();
  }

  /** Put the barrier into the broken state: current and future waits raise BrokenBarrierError. */
  abort(): void {
    const t = this.#s.current;
    this.#m.state = BROKEN;
    if (t) this.#s.event(t, "abort", this.name);
    this.#wakeAll();
  }

  /** Return to the empty state; threads waiting now get BrokenBarrierError. */
  reset(): void {
    if (this.#m.count > 0) {
      if (this.#m.state === FILLING || this.#m.state === BROKEN) this.#m.state = RESETTING;
    } else {
      this.#m.state = FILLING;
    }
    this.#wakeAll();
  }

  get broken(): boolean {
    return this.#m.state === BROKEN;
  }

  get nWaiting(): number {
    return this.#m.state === FILLING ? this.#m.count : 0;
  }
}
