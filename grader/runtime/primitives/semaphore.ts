// threading.Semaphore and BoundedSemaphore. release(n) adds n permits and wakes up to n
// waiters; a BoundedSemaphore refuses to go above its initial value (ValueError).

import { autoName, sched } from "../context";
import { RuntimeError, ValueError } from "../errors";
import type { Scheduler, VThread } from "../scheduler";
import type { LockHold } from "./locks";
import { deadlineOf, isBlocking, optionsOf, type BlockingOptions } from "./options";

export class Semaphore {
  readonly name: string;
  protected value: number;
  protected readonly s: Scheduler;
  private readonly waiters: VThread[] = [];

  constructor(value = 1, name?: string, kind = "Semaphore") {
    if (!Number.isInteger(value) || value < 0) throw new ValueError("semaphore initial value must be an integer >= 0");
    this.s = sched();
    this.value = value;
    this.capacity = value;
    this.name = name ?? autoName(kind);
  }

  /** The initial value: at most this many threads hold a permit at once (unless over-released). */
  private readonly capacity: number;

  async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const s = this.s;
    const t = s.enter("acquire");
    try {
      await s.point(t);
      const opts = optionsOf(options);
      const blocking = isBlocking(opts);
      // As Python's Semaphore.acquire: a timeout only makes sense for a blocking call.
      if (!blocking && opts.timeout !== undefined && opts.timeout !== null)
        throw new ValueError("can't specify timeout for non-blocking acquire");
      const deadline = blocking ? deadlineOf(s.now, opts) : s.now;
      while (this.value === 0) {
        if (s.now >= deadline) {
          s.event(t, "acquire", this.name, false);
          return false;
        }
        await s.block(t, { op: "acquire", target: this.name, waiters: this.waiters }, deadline);
      }
      this.value--;
      s.monitor.acquire(t, this);
      s.monitor.permitAcquired(t, this, this.capacity);
      s.event(t, "acquire", this.name, this.value);
      return true;
    } finally {
      s.leave(t);
    }
  }

  release(n = 1): PromiseLike<void> {
    const s = this.s;
    const t = s.current;
    if (t === null) throw new RuntimeError("release() must be called from inside a thread");
    if (!Number.isInteger(n) || n < 1) throw new ValueError("n must be one or more");
    this.check(n);
    s.monitor.release(t, this);
    s.monitor.permitReleased(t, this);
    this.value += n;
    s.event(t, "release", this.name, this.value);
    for (const w of this.waiters.slice(0, n)) s.wake(w);
    return s.lazyPoint();
  }

  protected check(_n: number): void {}

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
  private readonly initial: number;
  constructor(value = 1, name?: string) {
    super(value, name, "BoundedSemaphore");
    this.initial = value;
  }
  protected check(n: number): void {
    if (this.value + n > this.initial) throw new ValueError(`Semaphore released too many times (${this.name})`);
  }
}
