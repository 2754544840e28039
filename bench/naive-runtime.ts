// The naive baseline of `npm run bench`: an "interleave"-compatible module for PLAIN Node —
// no isolate, no scheduler, no virtual time — where every operation first awaits a random
// real delay, as course autograders stress concurrent code ("sprinkle sleeps and rerun").
// It implements the subset of the runtime API the bundled programs use (DESIGN.md "The
// runtime"), with real async semantics and Python's `threading` behaviour where it matters
// for a verdict (releasing an unheld lock raises, Condition.wait needs the lock, a broken
// Barrier raises). Thread identity (RLock ownership, currentThread) rides on
// AsyncLocalStorage. Nothing here is used by the grader: it is the thing the grader is
// measured against. One file on purpose (782 lines): it is a single stand-in module that the
// benchmark's bundled programs import as "interleave", mirroring the runtime's API surface.

import { AsyncLocalStorage } from "node:async_hooks";

export type JitterMode = "timer" | "immediate";

export interface NaiveOptions {
  /**
   * "timer": every operation awaits `setTimeout(r, Math.random() * maxDelayMs)` (note that
   * Node truncates the delay to whole milliseconds and raises 0 to 1: with the default 2 ms
   * it is 1 ms almost always). "immediate": 0–3 random `setImmediate` hops (microseconds).
   */
  jitter: JitterMode;
  maxDelayMs: number;
}

export const defaultNaiveOptions: NaiveOptions = { jitter: "timer", maxDelayMs: 2 };

export interface NaiveFailure {
  kind: "assertion" | "error";
  message: string;
  thread: string;
}

class AssertionError extends Error {
  override name = "AssertionError";
}
class RuntimeError extends Error {
  override name = "RuntimeError";
}
class ValueError extends Error {
  override name = "ValueError";
}
class IndexError extends Error {
  override name = "IndexError";
}
class BrokenBarrierError extends Error {
  override name = "BrokenBarrierError";
  constructor(message = "the barrier is broken") {
    super(message);
  }
}
class Full extends Error {
  override name = "Full";
  constructor(message = "the queue is full") {
    super(message);
  }
}
class Empty extends Error {
  override name = "Empty";
  constructor(message = "the queue is empty") {
    super(message);
  }
}

interface ThreadState {
  id: number;
  name: string;
}

interface TimeoutOptions {
  timeout?: number | null;
}
interface BlockingOptions extends TimeoutOptions {
  blocking?: boolean;
}
interface QueueOptions extends TimeoutOptions {
  block?: boolean;
}

interface Hold {
  [Symbol.asyncDispose](): Promise<void>;
}

/** Python's timeout: undefined/null/negative waits forever; otherwise real milliseconds. */
function timeoutOf(options: TimeoutOptions | undefined): number {
  const t = options?.timeout;
  return t === undefined || t === null || t < 0 ? Infinity : t;
}

function blockingOf(options: BlockingOptions | boolean | undefined): { blocking: boolean; timeout: number } {
  if (typeof options === "boolean") return { blocking: options, timeout: Infinity };
  return { blocking: options?.blocking !== false, timeout: timeoutOf(options) };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * One instance per attempt: its objects, its threads and its failures. `cancel()` makes
 * every later operation hang forever, so an attempt abandoned by the wall timeout (a
 * deadlock, a spin) stops consuming timers and CPU.
 */
export function createNaiveRuntime(options: NaiveOptions = defaultNaiveOptions) {
  const als = new AsyncLocalStorage<ThreadState>();
  const mainState: ThreadState = { id: 0, name: "MainThread" };
  const failures: NaiveFailure[] = [];
  const started = performance.now();
  let cancelled = false;
  let nextId = 1;
  let autoNames = 0;
  const never = new Promise<never>(() => {});

  const me = (): ThreadState => als.getStore() ?? mainState;

  /** The scheduling point of this runtime: a random real delay before every operation. */
  function jitter(): Promise<void> {
    if (cancelled) return never;
    if (options.jitter === "timer")
      return new Promise((resolve) => setTimeout(resolve, Math.random() * options.maxDelayMs));
    let hops = Math.floor(Math.random() * 4);
    if (hops === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const hop = () => (--hops <= 0 ? resolve() : setImmediate(hop));
      setImmediate(hop);
    });
  }

  function realSleep(ms: number): Promise<void> {
    if (cancelled) return never;
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }

  function fail(kind: NaiveFailure["kind"], message: string): void {
    failures.push({ kind, message, thread: me().name });
  }

  const autoName = (kind: string) => `${kind}-${++autoNames}`;

  /** Waiters parked until woken (true) or until their timeout passes (false). */
  class WaitList {
    private readonly waiters = new Set<(woken: boolean) => void>();
    wait(timeoutMs: number): Promise<boolean> {
      if (cancelled) return never;
      return new Promise<boolean>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const done = (woken: boolean) => {
          if (!this.waiters.delete(done)) return;
          if (timer) clearTimeout(timer);
          resolve(woken);
        };
        this.waiters.add(done);
        if (timeoutMs !== Infinity) timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
      });
    }
    wakeAll(): void {
      for (const w of [...this.waiters]) w(true);
    }
    wakeOne(): void {
      const first = this.waiters.values().next();
      if (!first.done) first.value(true);
    }
  }

  // ---- threads -------------------------------------------------------------------------

  class Thread {
    readonly #state: ThreadState;
    readonly #target: (...args: unknown[]) => unknown;
    readonly #args: unknown[];
    readonly daemon: boolean;
    #done: Promise<void> | null = null;
    #alive = false;

    constructor(
      target: (...args: never[]) => unknown,
      opts?: { name?: string; args?: unknown[]; daemon?: boolean } | string,
    ) {
      const o = typeof opts === "string" ? { name: opts } : (opts ?? {});
      this.#state = { id: nextId++, name: o.name ?? autoName("Thread") };
      this.#target = target as (...args: unknown[]) => unknown;
      this.#args = o.args ?? [];
      this.daemon = o.daemon === true;
    }

    get name(): string {
      return this.#state.name;
    }
    get ident(): number {
      return this.#state.id;
    }
    isAlive(): boolean {
      return this.#alive;
    }

    start(): Promise<void> {
      if (this.#done) throw new RuntimeError("threads can only be started once");
      this.#alive = true;
      this.#done = als.run(this.#state, async () => {
        try {
          await jitter();
          await this.#target(...this.#args);
        } catch (error) {
          if (!(error instanceof AssertionError)) fail("error", `${this.#state.name} raised ${describe(error)}`);
        } finally {
          this.#alive = false;
        }
      });
      return jitter();
    }

    async join(opts?: TimeoutOptions): Promise<void> {
      if (!this.#done) throw new RuntimeError("cannot join thread before it is started");
      await jitter();
      const timeout = timeoutOf(opts);
      if (timeout === Infinity) await this.#done;
      else await Promise.race([this.#done, realSleep(timeout)]);
    }
  }

  function spawn(
    target: (...args: never[]) => unknown,
    name?: string | { name?: string; args?: unknown[]; daemon?: boolean },
  ): Thread {
    const t = new Thread(target, name);
    void t.start();
    return t;
  }

  function currentThread(): { name: string; ident: number } {
    const s = me();
    return { name: s.name, ident: s.id };
  }

  // ---- time ------------------------------------------------------------------------------

  async function sleep(ms: number): Promise<void> {
    await jitter();
    await realSleep(Number(ms) || 0);
  }
  /** Work is real time here too: the naive grader has nothing better. */
  const work = sleep;
  const yieldNow = jitter;
  const now = () => performance.now() - started;

  function assert(condition: unknown, message?: string): asserts condition {
    if (condition) return;
    const text = message ?? "assertion failed";
    fail("assertion", text);
    throw new AssertionError(text);
  }

  // ---- shared memory -------------------------------------------------------------------

  class Shared<T> {
    readonly name: string;
    #value: T;
    constructor(initial: T, name?: string) {
      this.#value = initial;
      this.name = name ?? autoName("Shared");
    }
    async get(): Promise<T> {
      await jitter();
      return this.#value;
    }
    async set(value: T): Promise<void> {
      await jitter();
      this.#value = value;
    }
  }

  class SharedArray<T = number> {
    readonly name: string;
    readonly length: number;
    readonly #values: T[];
    constructor(lengthOrItems: number | readonly T[], name?: string) {
      this.#values =
        typeof lengthOrItems === "number" ? new Array<T>(lengthOrItems).fill(0 as T) : Array.from(lengthOrItems);
      this.length = this.#values.length;
      this.name = name ?? autoName("SharedArray");
    }
    #check(i: number): void {
      if (!Number.isInteger(i) || i < 0 || i >= this.length)
        throw new IndexError(`${this.name} index ${i} out of range`);
    }
    async get(i: number): Promise<T> {
      this.#check(i);
      await jitter();
      return this.#values[i]!;
    }
    async set(i: number, value: T): Promise<void> {
      this.#check(i);
      await jitter();
      this.#values[i] = value;
    }
    async toArray(): Promise<T[]> {
      await jitter();
      return Array.from(this.#values);
    }
  }

  class AtomicInt {
    readonly name: string;
    #value: number;
    constructor(initial = 0, name?: string) {
      this.#value = initial;
      this.name = name ?? autoName("AtomicInt");
    }
    async load(): Promise<number> {
      await jitter();
      return this.#value;
    }
    async store(v: number): Promise<void> {
      await jitter();
      this.#value = v;
    }
    async fetchAdd(d: number): Promise<number> {
      await jitter();
      const old = this.#value;
      this.#value = old + d;
      return old;
    }
    async exchange(v: number): Promise<number> {
      await jitter();
      const old = this.#value;
      this.#value = v;
      return old;
    }
    async compareExchange(expected: number, desired: number): Promise<boolean> {
      await jitter();
      if (this.#value !== expected) return false;
      this.#value = desired;
      return true;
    }
  }

  // ---- locks -----------------------------------------------------------------------------

  /** What a Condition needs from its lock (Python's _is_owned, _release_save, _acquire_restore). */
  interface ConditionLock {
    isOwned(t: ThreadState): boolean;
    releaseSave(t: ThreadState): number;
    acquireRestore(t: ThreadState, saved: number): Promise<void>;
  }

  abstract class BaseLock implements ConditionLock {
    readonly name: string;
    protected owner: ThreadState | null = null;
    protected readonly waiters = new WaitList();
    constructor(kind: string, name?: string) {
      this.name = name ?? autoName(kind);
    }
    protected abstract tryTake(t: ThreadState): boolean;
    abstract isOwned(t: ThreadState): boolean;
    abstract releaseSave(t: ThreadState): number;
    abstract acquireRestore(t: ThreadState, saved: number): Promise<void>;
    abstract release(): Promise<void>;

    protected async take(t: ThreadState, options: BlockingOptions | boolean | undefined): Promise<boolean> {
      await jitter();
      const { blocking, timeout } = blockingOf(options);
      const deadline = performance.now() + (blocking ? timeout : 0);
      while (!this.tryTake(t)) {
        const left = deadline - performance.now();
        if (left <= 0) return false;
        await this.waiters.wait(left);
      }
      return true;
    }
    acquire(options?: BlockingOptions | boolean): Promise<boolean> {
      return this.take(me(), options);
    }
    locked(): boolean {
      return this.owner !== null;
    }
    async hold(): Promise<Hold> {
      await this.acquire();
      let released = false;
      return {
        [Symbol.asyncDispose]: async () => {
          if (released) return;
          released = true;
          await this.release();
        },
      };
    }
  }

  class Lock extends BaseLock {
    constructor(name?: string) {
      super("Lock", name);
    }
    protected tryTake(t: ThreadState): boolean {
      if (this.owner !== null) return false;
      this.owner = t;
      return true;
    }
    isOwned(): boolean {
      return this.owner !== null;
    }
    releaseSave(): number {
      this.releaseNow();
      return 1;
    }
    async acquireRestore(t: ThreadState): Promise<void> {
      await this.take(t, undefined);
    }
    private releaseNow(): void {
      if (this.owner === null) throw new RuntimeError(`release unlocked lock (${this.name})`);
      this.owner = null;
      this.waiters.wakeAll();
    }
    /** Takes effect at once (any thread may release a Lock); awaiting it is a scheduling point. */
    release(): Promise<void> {
      this.releaseNow();
      return jitter();
    }
  }

  class RLock extends BaseLock {
    private count = 0;
    constructor(name?: string) {
      super("RLock", name);
    }
    protected tryTake(t: ThreadState): boolean {
      if (this.owner === t) {
        this.count++;
        return true;
      }
      if (this.owner !== null) return false;
      this.owner = t;
      this.count = 1;
      return true;
    }
    isOwned(t: ThreadState): boolean {
      return this.owner === t;
    }
    releaseSave(): number {
      const saved = this.count;
      this.count = 0;
      this.owner = null;
      this.waiters.wakeAll();
      return saved;
    }
    async acquireRestore(t: ThreadState, saved: number): Promise<void> {
      await this.take(t, undefined);
      this.count = saved;
    }
    release(): Promise<void> {
      const t = me();
      if (this.owner !== t) throw new RuntimeError(`cannot release un-acquired lock (${this.name})`);
      if (--this.count === 0) {
        this.owner = null;
        this.waiters.wakeAll();
      }
      return jitter();
    }
  }

  class Condition {
    readonly name: string;
    readonly #lock: BaseLock;
    readonly #waiters: Array<{ thread: ThreadState; wake: (notified: boolean) => void }> = [];

    constructor(lock?: Lock | RLock, name?: string) {
      this.name = name ?? autoName("Condition");
      this.#lock = lock ?? new RLock(`${this.name}.lock`);
    }
    acquire(options?: BlockingOptions | boolean): Promise<boolean> {
      return this.#lock.acquire(options);
    }
    release(): Promise<void> {
      return this.#lock.release();
    }
    hold(): Promise<Hold> {
      return this.#lock.hold();
    }
    async wait(options?: TimeoutOptions): Promise<boolean> {
      const t = me();
      if (!this.#lock.isOwned(t)) throw new RuntimeError(`cannot wait on un-acquired lock (${this.#lock.name})`);
      const saved = this.#lock.releaseSave(t);
      const timeout = timeoutOf(options);
      const notified = cancelled
        ? await never
        : await new Promise<boolean>((resolve) => {
            let timer: NodeJS.Timeout | undefined;
            const entry = {
              thread: t,
              wake: (n: boolean) => {
                const i = this.#waiters.indexOf(entry);
                if (i < 0) return;
                this.#waiters.splice(i, 1);
                if (timer) clearTimeout(timer);
                resolve(n);
              },
            };
            this.#waiters.push(entry);
            if (timeout !== Infinity) timer = setTimeout(() => entry.wake(false), timeout);
          });
      await this.#lock.acquireRestore(t, saved);
      return notified;
    }
    async waitFor<T>(predicate: () => T | Promise<T>, options?: TimeoutOptions): Promise<T> {
      const deadline = performance.now() + timeoutOf(options);
      let result = await predicate();
      while (!result) {
        const left = deadline - performance.now();
        if (left <= 0) break;
        await this.wait(left === Infinity ? undefined : { timeout: left });
        result = await predicate();
      }
      return result;
    }
    notify(n = 1): Promise<void> {
      if (!this.#lock.isOwned(me())) throw new RuntimeError(`cannot notify on un-acquired lock (${this.#lock.name})`);
      for (const w of this.#waiters.slice(0, Math.max(0, n))) w.wake(true);
      return jitter();
    }
    notifyAll(): Promise<void> {
      return this.notify(Math.max(1, this.#waiters.length));
    }
  }

  // ---- semaphores, events, barriers, queues ----------------------------------------------

  class Semaphore {
    readonly name: string;
    protected value: number;
    readonly #waiters = new WaitList();
    constructor(value = 1, name?: string) {
      if (!Number.isInteger(value) || value < 0)
        throw new ValueError("semaphore initial value must be an integer >= 0");
      this.value = value;
      this.name = name ?? autoName("Semaphore");
    }
    async acquire(options?: BlockingOptions | boolean): Promise<boolean> {
      await jitter();
      const { blocking, timeout } = blockingOf(options);
      const deadline = performance.now() + (blocking ? timeout : 0);
      while (this.value === 0) {
        const left = deadline - performance.now();
        if (left <= 0) return false;
        await this.#waiters.wait(left);
      }
      this.value--;
      return true;
    }
    release(n = 1): Promise<void> {
      if (!Number.isInteger(n) || n < 1) throw new ValueError("n must be one or more");
      this.check(n);
      this.value += n;
      this.#waiters.wakeAll();
      return jitter();
    }
    protected check(_n: number): void {}
    async hold(): Promise<Hold> {
      await this.acquire();
      let released = false;
      return {
        [Symbol.asyncDispose]: async () => {
          if (released) return;
          released = true;
          await this.release();
        },
      };
    }
  }

  class BoundedSemaphore extends Semaphore {
    readonly #initial: number;
    constructor(value = 1, name?: string) {
      super(value, name);
      this.#initial = value;
    }
    protected override check(n: number): void {
      if (this.value + n > this.#initial) throw new ValueError(`Semaphore released too many times (${this.name})`);
    }
  }

  class Event {
    readonly name: string;
    #flag = false;
    readonly #waiters = new WaitList();
    constructor(name?: string) {
      this.name = name ?? autoName("Event");
    }
    isSet(): boolean {
      return this.#flag;
    }
    set(): Promise<void> {
      this.#flag = true;
      this.#waiters.wakeAll();
      return jitter();
    }
    clear(): Promise<void> {
      this.#flag = false;
      return jitter();
    }
    /** True when the flag was seen set or a set() woke this waiter (even if cleared at once, as in CPython). */
    async wait(options?: TimeoutOptions): Promise<boolean> {
      await jitter();
      if (this.#flag) return true;
      const woken = await this.#waiters.wait(timeoutOf(options));
      return woken || this.#flag;
    }
  }

  class Barrier {
    readonly name: string;
    readonly parties: number;
    #count = 0;
    #generation = 0;
    #broken = false;
    readonly #waiters = new WaitList();
    readonly #action?: () => unknown;
    readonly #timeout: number;

    constructor(parties: number, opts?: { action?: () => unknown; timeout?: number | null; name?: string } | string) {
      if (!Number.isInteger(parties) || parties < 1) throw new ValueError("parties must be an integer > 0");
      const o = typeof opts === "string" ? { name: opts } : (opts ?? {});
      this.parties = parties;
      this.name = o.name ?? autoName("Barrier");
      this.#action = o.action;
      this.#timeout = timeoutOf(o);
    }
    async wait(options?: TimeoutOptions): Promise<number> {
      await jitter();
      if (this.#broken) throw new BrokenBarrierError(`${this.name} is broken`);
      const generation = this.#generation;
      const index = this.#count++;
      if (this.#count === this.parties) {
        try {
          if (this.#action) await this.#action();
        } catch (error) {
          this.abort();
          throw error;
        }
        this.#count = 0;
        this.#generation++;
        this.#waiters.wakeAll();
        return index;
      }
      const deadline = performance.now() + (options && "timeout" in options ? timeoutOf(options) : this.#timeout);
      while (this.#generation === generation && !this.#broken) {
        const left = deadline - performance.now();
        if (left <= 0) {
          this.abort();
          break;
        }
        await this.#waiters.wait(left);
      }
      if (this.#generation === generation) throw new BrokenBarrierError(`${this.name} is broken`);
      return index;
    }
    abort(): void {
      this.#broken = true;
      this.#waiters.wakeAll();
    }
    reset(): void {
      if (this.#count > 0) this.abort();
      this.#broken = false;
      this.#count = 0;
      this.#generation++;
    }
    get broken(): boolean {
      return this.#broken;
    }
    get nWaiting(): number {
      return this.#count;
    }
  }

  class Queue<T = unknown> {
    readonly name: string;
    readonly maxsize: number;
    readonly #items: T[] = [];
    #unfinished = 0;
    readonly #getters = new WaitList();
    readonly #putters = new WaitList();
    readonly #joiners = new WaitList();
    constructor(maxsize = 0, name?: string) {
      this.maxsize = maxsize;
      this.name = name ?? autoName("Queue");
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
      await jitter();
      const deadline = performance.now() + (options?.block === false ? 0 : timeoutOf(options));
      while (this.full()) {
        const left = deadline - performance.now();
        if (left <= 0) throw new Full(`${this.name} is full`);
        await this.#putters.wait(left);
      }
      this.#items.push(item);
      this.#unfinished++;
      this.#getters.wakeOne();
    }
    async get(options?: QueueOptions): Promise<T> {
      await jitter();
      const deadline = performance.now() + (options?.block === false ? 0 : timeoutOf(options));
      while (this.#items.length === 0) {
        const left = deadline - performance.now();
        if (left <= 0) throw new Empty(`${this.name} is empty`);
        await this.#getters.wait(left);
      }
      const item = this.#items.shift()!;
      this.#putters.wakeOne();
      return item;
    }
    putNowait(item: T): Promise<void> {
      return this.put(item, { block: false });
    }
    getNowait(): Promise<T> {
      return this.get({ block: false });
    }
    taskDone(): Promise<void> {
      if (this.#unfinished <= 0) throw new ValueError("task_done() called too many times");
      if (--this.#unfinished === 0) this.#joiners.wakeAll();
      return jitter();
    }
    async join(): Promise<void> {
      await jitter();
      while (this.#unfinished > 0) await this.#joiners.wait(Infinity);
    }
  }

  const api = Object.freeze({
    Thread,
    spawn,
    currentThread,
    sleep,
    work,
    yieldNow,
    now,
    Shared,
    SharedArray,
    AtomicInt,
    Lock,
    RLock,
    Semaphore,
    BoundedSemaphore,
    Condition,
    Event,
    Barrier,
    Queue,
    assert,
    AssertionError,
    RuntimeError,
    ValueError,
    IndexError,
    BrokenBarrierError,
    Full,
    Empty,
  });

  return {
    api,
    failures,
    /** Run the program's main() as the main thread; resolves when it returns or throws. */
    async runMain(main: () => unknown): Promise<void> {
      await als.run(mainState, async () => {
        try {
          await main();
        } catch (error) {
          if (!(error instanceof AssertionError)) fail("error", `MainThread raised ${describe(error)}`);
        }
      });
    },
    cancel(): void {
      cancelled = true;
    },
  };
}

export type NaiveRuntime = ReturnType<typeof createNaiveRuntime>;
