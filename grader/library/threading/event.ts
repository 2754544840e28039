// threading.Event: a flag threads wait on. wait() resolves to the flag (false on timeout).

import { autoName, sched } from "../../engine/context";
import { RuntimeError } from "../errors";
import type { Scheduler, VThread } from "../../engine/scheduler";
import { deadlineOf, type TimeoutOptions } from "./options";

export class Event {
  readonly name: string;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { flag: boolean } = { flag: false };
  readonly #s: Scheduler;
  readonly #waiters: VThread[] = [];

  constructor(name?: string) {
    this.#s = sched();
    this.name = name ?? autoName("Event");
    if (new.target === Event) Object.freeze(this);
  }

  isSet(): boolean {
    // Seeing the flag set is as good as a wait() that returns true: polling an Event is a
    // correct way to learn that what the setter did is done.
    const t = this.#s.current;
    if (this.#m.flag && t !== null) this.#s.monitor.acquire(t, this);
    return this.#m.flag;
  }

  set(): PromiseLike<void> {
    const s = this.#s;
    const t = s.current;
    if (t === null) throw new RuntimeError("set() must be called from inside a thread");
    s.monitor.release(t, this);
    this.#m.flag = true;
    s.event(t, "set", this.name);
    for (const w of [...this.#waiters]) s.wake(w);
    return s.lazyPoint();
  }

  clear(): PromiseLike<void> {
    const s = this.#s;
    const t = s.current;
    if (t === null) throw new RuntimeError("clear() must be called from inside a thread");
    this.#m.flag = false;
    s.event(t, "clear", this.name);
    return s.lazyPoint();
  }

  async wait(options?: TimeoutOptions): Promise<boolean> {
    const s = this.#s;
    const t = s.enter("wait");
    try {
      await s.point(t);
      const deadline = deadlineOf(s.now, options);
      // Python returns whether it was woken by set(), not the flag at wake-up: a set()
      // followed at once by clear() must still release every waiter (bpo-13502). Only
      // set() wakes this list, so being woken (not timed out) means "signaled".
      let signaled = this.#m.flag;
      if (!signaled && s.now < deadline) {
        signaled = await s.block(t, { op: "wait", target: this.name, waiters: this.#waiters }, deadline);
      }
      if (signaled) s.monitor.acquire(t, this);
      s.event(t, "wait", this.name, signaled);
      return signaled;
    } finally {
      s.leave(t);
    }
  }
}
