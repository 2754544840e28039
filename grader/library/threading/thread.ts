// threading.Thread: start() makes the thread runnable at once (awaiting it is a scheduling
// point); join() blocks until it ends. An uncaught error in any thread fails the schedule.

import { autoName, sched } from "../../engine/context";
import { RuntimeError } from "../errors";
import type { Scheduler, VThread } from "../../engine/scheduler";
import { deadlineOf, type TimeoutOptions } from "./options";

export interface ThreadOptions {
  name?: string;
  args?: unknown[];
  daemon?: boolean | null;
}

const objects = new WeakMap<VThread, Thread>();
/** Set while the runtime wraps the main thread in a Thread object. */
let adopting: VThread | null = null;

export class Thread {
  #s: Scheduler;
  #target: (...args: never[]) => unknown;
  #args: unknown[];
  #v: VThread;

  constructor(target: (...args: never[]) => unknown, options?: ThreadOptions | string) {
    if (typeof target !== "function") throw new TypeError("Thread needs a target function");
    const opts = typeof options === "string" ? { name: options } : (options ?? {});
    this.#s = sched();
    this.#target = target;
    this.#args = opts.args ?? [];
    if (adopting) {
      this.#v = adopting;
      adopting = null;
    } else {
      this.#v = this.#s.newThread(opts.name ?? autoName("Thread"));
      // Python: without an explicit flag a thread inherits it from the thread creating it, so
      // the helpers a daemon starts do not keep the program alive either.
      this.#v.daemon =
        opts.daemon === undefined || opts.daemon === null ? (this.#s.current?.daemon ?? false) : Boolean(opts.daemon);
      // Not started yet: neither runnable nor live.
      this.#v.state = "done";
    }
    objects.set(this.#v, this);
    if (new.target === Thread) Object.freeze(this);
  }

  get name(): string {
    return this.#v.name;
  }

  get ident(): number {
    return this.#v.id;
  }

  get daemon(): boolean {
    return this.#v.daemon;
  }

  /** `t.daemon = true` before start(), as in Python (a getter alone made that a TypeError). */
  set daemon(value: boolean) {
    if (this.#v.started) throw new RuntimeError("cannot set daemon status of active thread");
    this.#v.daemon = Boolean(value);
  }

  isAlive(): boolean {
    // Seeing the thread ended orders what it did before, as join() does (polling is correct).
    const cur = this.#s.current;
    if (this.#v.state === "done" && cur !== null && cur !== this.#v) this.#s.monitor.join(cur.id, this.#v.id);
    return this.#v.started && this.#v.state !== "done";
  }

  /** Start the thread; it runs when the scheduler picks it. Awaiting the result is a scheduling point. */
  start(): PromiseLike<void> {
    const s = this.#s;
    const parent = s.current;
    if (this.#v.started) throw new RuntimeError("threads can only be started once");
    this.#v.state = "runnable";
    const target = this.#target as (...args: unknown[]) => unknown;
    const args = this.#args;
    s.start(this.#v, parent, () => target(...args));
    if (parent) s.event(parent, "spawn", this.#v.name);
    return s.lazyPoint();
  }

  /** Wait until the thread ends (or the timeout, in virtual ms, passes; then check isAlive()). */
  async join(options?: TimeoutOptions): Promise<void> {
    const s = this.#s;
    const t = s.enter("join");
    try {
      const v = this.#v;
      if (!v.started) throw new RuntimeError("cannot join thread before it is started");
      if (v === t) throw new RuntimeError("cannot join current thread");
      await s.point(t);
      const deadline = deadlineOf(s.now, options);
      while (v.state !== "done") {
        if (s.now >= deadline) break;
        await s.block(t, { op: "join", target: v.name, waiters: v.joinWaiters, holder: () => v }, deadline);
      }
      if (v.state === "done") s.monitor.join(t.id, v.id);
      s.event(t, "join", v.name);
    } finally {
      s.leave(t);
    }
  }
}

/** The Thread object of a thread the runtime started itself (main, a task, a process's main). */
export function adoptThread(v: VThread): Thread {
  adopting = v;
  return new Thread(() => undefined);
}

export function spawn(target: (...args: never[]) => unknown, name?: string | ThreadOptions): Thread {
  const t = new Thread(target, name);
  void t.start();
  return t;
}

export function currentThread(): Thread {
  const s = sched();
  const v = s.current;
  if (v === null) throw new RuntimeError("currentThread() must be called from inside a thread");
  return objects.get(v)!;
}
