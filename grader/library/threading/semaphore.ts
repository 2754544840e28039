// threading.Semaphore and BoundedSemaphore. release(n) adds n permits and wakes up to n
// waiters; a BoundedSemaphore refuses to go above its initial value (ValueError).

import { autoName, sched } from "../../engine/context";
import { RuntimeError, ValueError } from "../errors";
import type { Scheduler, VThread } from "../../engine/scheduler";
import type { LockHold } from "./locks";
import { deadlineOf, isBlocking, optionsOf, type BlockingOptions } from "./options";

export class Semaphore {
  readonly name: string;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { value: number } = { value: 0 };
  readonly #s: Scheduler;
  readonly #waiters: VThread[] = [];
  /** The initial value: at most this many threads hold a permit at once (unless over-released). */
  readonly #capacity: number;
  /** A BoundedSemaphore's bound (its initial value); null for a plain Semaphore. */
  readonly #bound: number | null;

  constructor(value = 1, name?: string) {
    if (!Number.isInteger(value) || value < 0) throw new ValueError("semaphore initial value must be an integer >= 0");
    // A BoundedSemaphore (or a subclass of one): decided by the class, not by an argument.
    const bounded = new.target === BoundedSemaphore || new.target.prototype instanceof BoundedSemaphore;
    this.#s = sched();
    this.#m.value = value;
    this.#capacity = value;
    this.#bound = bounded ? value : null;
    this.name =
      name === undefined || name === null ? autoName(bounded ? "BoundedSemaphore" : "Semaphore") : String(name);
    if (new.target === Semaphore) Object.freeze(this);
  }

  async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const s = this.#s;
    const t = s.enter("acquire");
    try {
      await s.point(t);
      const opts = optionsOf(options);
      const blocking = isBlocking(opts);
      // As Python's Semaphore.acquire: a timeout only makes sense for a blocking call.
      if (!blocking && opts.timeout !== undefined && opts.timeout !== null)
        throw new ValueError("can't specify timeout for non-blocking acquire");
      const deadline = blocking ? deadlineOf(s.now, opts) : s.now;
      while (this.#m.value === 0) {
        if (s.now >= deadline) {
          s.event(t, "acquire", this.name, false);
          return false;
        }
        await s.block(t, { op: "acquire", target: this.name, waiters: this.#waiters }, deadline);
      }
      this.#m.value--;
      s.monitor.acquire(t, this);
      s.monitor.permitAcquired(t, this, this.#capacity);
      s.event(t, "acquire", this.name, this.#m.value);
      return true;
    } finally {
      s.leave(t);
    }
  }

  release(n = 1): PromiseLike<void> {
    const s = this.#s;
    const t = s.current;
    if (t === null) throw new RuntimeError("release() must be called from inside a thread");
    if (!Number.isInteger(n) || n < 1) throw new ValueError("n must be one or more");
    if (this.#bound !== null && this.#m.value + n > this.#bound)
      throw new ValueError(`Semaphore released too many times (${this.name})`);
    s.monitor.release(t, this);
    s.monitor.permitReleased(t, this);
    this.#m.value += n;
    s.event(t, "release", this.name, this.#m.value);
    for (const w of this.#waiters.slice(0, n)) s.wake(w);
    return s.lazyPoint();
  }

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
}

export class BoundedSemaphore extends Semaphore {
  constructor(value = 1, name?: string) {
    super(value, name);
    if (new.target === BoundedSemaphore) Object.freeze(this);
  }
}
