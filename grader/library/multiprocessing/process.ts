// Python's multiprocessing with the "spawn" start method (issue 5): a Process runs its target
// in a fresh instance of the program's modules, so it shares nothing with its parent; its
// arguments are pickled (copied, paying per byte on both sides) and it pays a start-up cost.
// Its threads compete with everyone's for the same virtual cores, and in GIL mode it has its
// own GIL. ProcessQueue and Pipe copy what they carry the same way.

import { autoName, sched } from "../../engine/context";
import { messageMs, SPAWN_CHILD_MS, SPAWN_PARENT_MS } from "../../engine/costs";
import { RuntimeError, ValueError } from "../errors";
import { Channel } from "./channel";
import { crossesByReference, findExport, pickle, unpickle, type Pickled } from "./pickle";
import { deadlineOf, type TimeoutOptions } from "../threading/options";
import { adoptThread } from "../threading/thread";
import { programHost } from "../../engine/program";
import type { Scheduler, VProcess, VThread } from "../../engine/scheduler";

export interface ProcessOptions {
  name?: string;
  args?: unknown[];
  daemon?: boolean;
}

export class EOFError extends Error {
  constructor(message = "the other end of the pipe is closed") {
    super(message);
    this.name = "EOFError";
  }
}

/** Run `body` on thread `t`, then charge the copy of a message of `bytes` to it. */
export async function chargeCopy(s: Scheduler, t: VThread, bytes: number): Promise<void> {
  await s.compute(t, messageMs(bytes));
}

/** The exported function `target` is, as a reference the child can resolve (or a clear error). */
export function targetRef(
  target: unknown,
  cache: Map<string, unknown>,
  what = "Process targets",
): { module: string; key: string } {
  if (typeof target !== "function") throw new TypeError(`${what} must be functions`);
  const ref = findExport(target, cache);
  if (!ref) {
    throw new RuntimeError(
      `${what} must be exported top-level functions (Python pickles them by name): ${target.name || "this function"} is ${target.name ? "not exported" : "anonymous"}. Write \`export async function ${target.name || "worker"}(...)\` at the top level of the module and pass that.`,
    );
  }
  return ref;
}

/**
 * Start a new virtual process whose main thread runs `main` in the process's own module
 * instances (after its start-up cost); `parent` pays its share at once.
 */
export function spawnProcess(
  s: Scheduler,
  parent: VThread | null,
  name: string,
  daemon: boolean,
  main: (proc: VProcess) => Promise<unknown>,
): { proc: VProcess; thread: VThread } {
  const proc = s.newProcess(name);
  const v = s.newThread(name, proc);
  v.daemon = daemon;
  adoptThread(v);
  v.state = "runnable";
  s.start(v, parent, async () => {
    await s.compute(v, SPAWN_CHILD_MS);
    await main(proc);
  });
  if (parent) s.event(parent, "spawn", name);
  return { proc, thread: v };
}

export class Process {
  #s: Scheduler;
  #target: unknown;
  #args: unknown[];
  #name: string;
  #daemon: boolean;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { thread: VThread | null; proc: VProcess | null } = { thread: null, proc: null };

  constructor(target: (...args: never[]) => unknown, options: ProcessOptions = {}) {
    if (typeof target !== "function") throw new TypeError("Process needs a target function");
    this.#s = sched();
    this.#target = target;
    this.#args = options.args ?? [];
    if (!Array.isArray(this.#args)) throw new TypeError("Process args must be an array");
    this.#name = options.name ?? autoName("Process");
    this.#daemon = options.daemon === true;
    if (new.target === Process) Object.freeze(this);
  }

  get name(): string {
    return this.#name;
  }

  /** The virtual process id (0 is the main process), once started. */
  get pid(): number | null {
    return this.#m.proc?.id ?? null;
  }

  get daemon(): boolean {
    return this.#daemon;
  }

  /** 0 once ended (an uncaught error in a process fails the whole run instead), null before. */
  get exitcode(): number | null {
    return this.#ended() ? 0 : null;
  }

  isAlive(): boolean {
    return this.#m.thread !== null && !this.#ended();
  }

  /** Seeing the process ended (exitcode, isAlive) orders what it did before, as join() does. */
  #ended(): boolean {
    const v = this.#m.thread;
    if (v === null || v.state !== "done") return false;
    const t = this.#s.current;
    if (t !== null) this.#s.monitor.join(t.id, v.id);
    return true;
  }

  /** Pickle the target and arguments, pay for it, and start the process. */
  async start(): Promise<void> {
    const s = this.#s;
    const t = s.enter("start");
    try {
      if (this.#m.thread) throw new RuntimeError("cannot start a process twice");
      const ref = targetRef(this.#target, t.process.cache);
      const payload: Pickled = pickle(this.#args, "args", t.process.cache);
      await s.point(t);
      await s.compute(t, SPAWN_PARENT_MS + messageMs(payload.bytes));
      const started = spawnProcess(s, t, this.#name, this.#daemon, async (proc) => {
        const v = started.thread;
        await chargeCopy(s, v, payload.bytes);
        const exports = programHost().instantiate(ref.module, proc.cache) as Record<string, unknown>;
        const fn = exports[ref.key] as (...a: unknown[]) => unknown;
        const args = unpickle(payload, proc.cache) as unknown[];
        await fn(...args);
      });
      this.#m.thread = started.thread;
      this.#m.proc = started.proc;
    } finally {
      s.leave(t);
    }
  }

  /** Wait until the process ends (or the timeout, in virtual ms, passes). */
  async join(options?: TimeoutOptions): Promise<void> {
    const s = this.#s;
    const t = s.enter("join");
    try {
      const v = this.#m.thread;
      if (!v) throw new RuntimeError("can only join a started process");
      if (v === t) throw new RuntimeError("cannot join current process");
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

/** multiprocessing.Queue: items are pickled by put (in the sender) and unpickled by get. */
export class ProcessQueue<T = unknown> {
  readonly name: string;
  readonly #s: Scheduler;
  readonly #channel: Channel<Pickled>;

  constructor(maxsize = 0, name?: string) {
    if (!Number.isInteger(maxsize)) throw new ValueError("maxsize must be an integer");
    this.#s = sched();
    this.name = name ?? autoName("ProcessQueue");
    this.#channel = new Channel<Pickled>(this.#s, this.name, maxsize);
    crossesByReference(this);
    if (new.target === ProcessQueue) Object.freeze(this);
  }

  qsize(): number {
    return this.#channel.size;
  }

  empty(): boolean {
    return this.#channel.size === 0;
  }

  full(): boolean {
    return this.#channel.full();
  }

  async put(item: T, options?: { block?: boolean; timeout?: number | null }): Promise<void> {
    const s = this.#s;
    const t = s.enter("put");
    try {
      const p = pickle(item, "item", t.process.cache);
      await s.point(t);
      await chargeCopy(s, t, p.bytes);
      await this.#channel.put(t, p, options);
    } finally {
      s.leave(t);
    }
  }

  async get(options?: { block?: boolean; timeout?: number | null }): Promise<T> {
    const s = this.#s;
    const t = s.enter("get");
    try {
      const p = await this.#channel.get(t, null, options);
      if (p === null) throw new EOFError(`${this.name} is closed`);
      await chargeCopy(s, t, p.bytes);
      return unpickle(p, t.process.cache) as T;
    } finally {
      s.leave(t);
    }
  }

  putNowait(item: T): Promise<void> {
    return this.put(item, { block: false });
  }

  getNowait(): Promise<T> {
    return this.get({ block: false });
  }
}

/** One end of a Pipe. */
export class Connection {
  readonly #s: Scheduler;
  readonly #inbox: Channel<Pickled> | null;
  readonly #peerInbox: () => Channel<Pickled> | null;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { closed: boolean } = { closed: false };
  readonly name: string;

  /** @internal made by Pipe(). */
  constructor(s: Scheduler, name: string, inbox: Channel<Pickled> | null, peerInbox: () => Channel<Pickled> | null) {
    this.#s = s;
    this.name = name;
    this.#inbox = inbox;
    this.#peerInbox = peerInbox;
    crossesByReference(this);
    if (new.target === Connection) Object.freeze(this);
  }

  get closed(): boolean {
    return this.#m.closed;
  }

  async send(obj: unknown): Promise<void> {
    const s = this.#s;
    const t = s.enter("send");
    try {
      const out = this.#peerInbox();
      if (this.#m.closed) throw new RuntimeError(`${this.name} is closed`);
      if (!out) throw new RuntimeError(`${this.name} is the receiving end of a one-way Pipe: it cannot send`);
      if (out.closed) throw new RuntimeError(`broken pipe: the other end of ${this.name} is closed`);
      const p = pickle(obj, "obj", t.process.cache);
      await s.point(t);
      await chargeCopy(s, t, p.bytes);
      await out.put(t, p, undefined, "send");
    } finally {
      s.leave(t);
    }
  }

  /** The next object sent by the other end; EOFError once it is closed and nothing is left. */
  async recv(): Promise<unknown> {
    const s = this.#s;
    const t = s.enter("recv");
    try {
      const inbox = this.#inbox;
      if (this.#m.closed) throw new RuntimeError(`${this.name} is closed`);
      if (!inbox) throw new RuntimeError(`${this.name} is the sending end of a one-way Pipe: it cannot receive`);
      const p = await inbox.get(t, null, undefined, "recv");
      if (p === null) throw new EOFError();
      await chargeCopy(s, t, p.bytes);
      return unpickle(p, t.process.cache);
    } finally {
      s.leave(t);
    }
  }

  /** Whether there is something to receive, waiting up to `timeout` virtual ms (default 0). */
  async poll(timeout: number | null = 0): Promise<boolean> {
    const s = this.#s;
    const t = s.enter("poll");
    try {
      if (!this.#inbox) throw new RuntimeError(`${this.name} is the sending end of a one-way Pipe`);
      return await this.#inbox.waitReadable(t, deadlineOf(s.now, { timeout }));
    } finally {
      s.leave(t);
    }
  }

  /** Close this end: the other end's recv() ends with EOFError once it has read everything. */
  close(): void {
    if (this.#m.closed) return;
    this.#m.closed = true;
    this.#peerInbox()?.close();
    this.#inbox?.close();
  }
}

/** multiprocessing.Pipe(duplex): two connected ends; one-way Pipe(false) gives [receiver, sender]. */
export function Pipe(duplex = true): [Connection, Connection] {
  const s = sched();
  const name = autoName("Pipe");
  const a = new Channel<Pickled>(s, `${name}.0`);
  const b = duplex ? new Channel<Pickled>(s, `${name}.1`) : null;
  const first = new Connection(s, `${name}[0]`, a, () => b);
  const second = new Connection(s, `${name}[1]`, b, () => a);
  return [first, second];
}

/** multiprocessing.current_process(): the calling thread's process. */
export function currentProcess(): { readonly name: string; readonly pid: number } {
  const s = sched();
  const t = s.current;
  if (t === null) throw new RuntimeError("currentProcess() must be called from inside a thread");
  return Object.freeze({ name: t.process.name, pid: t.process.id });
}

/** os.cpu_count(): the virtual cores of this run. */
export function cpuCount(): number {
  return sched().config.cores;
}
