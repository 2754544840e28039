// Python's asyncio (issue 5): an event loop whose tasks run one at a time on one thread and
// switch only where they await something that blocks — asyncio.sleep, simulated I/O, a
// contended asyncio Lock/Semaphore/Queue, an unfinished task — never at other scheduling
// points, unlike threads. Each task is a virtual thread bound to its loop (the scheduler's
// EventLoopRef): the strategy never picks a task while another task of its loop holds the
// loop, and a free loop goes to its ready tasks in the order they became ready, so every
// decision stays deterministic and replayable. Compute in a task (work(), instrumented
// code) and threading calls (time.sleep, threading.Lock) keep the loop: they block it, as
// in Python.
//
// JavaScript starts an async function the moment it is called, so a coroutine is passed as
// a function: `createTask(() => fetchPage(url))`, `gather(() => a(), () => b())`.
//
// Past our ~400 lines on purpose: Task's state machine and the functions Python's asyncio
// module puts beside it (run, gather, waitFor, sleep, asCompleted) share its private cancel
// and completion hooks; the synchronization primitives are apart (asyncio-sync.ts).

import { autoName, sched } from "../../engine/context";
import { RuntimeError } from "../errors";
import { markUnpicklable } from "../multiprocessing/pickle";
import { adoptThread } from "../threading/thread";
import { describeError, EventLoopRef, type Scheduler, type VThread } from "../../engine/scheduler";

export class CancelledError extends Error {
  constructor(message = "the task was cancelled") {
    super(message);
    this.name = "CancelledError";
  }
}

export class TimeoutError extends Error {
  constructor(message = "the operation timed out") {
    super(message);
    this.name = "TimeoutError";
  }
}

export class InvalidStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidStateError";
  }
}

interface LoopState {
  ref: EventLoopRef;
  tasks: Task<unknown>[];
}

type TaskState = "pending" | "done" | "failed" | "cancelled";

const taskOf = new WeakMap<VThread, Task<unknown>>();
const loopOf = new WeakMap<EventLoopRef, LoopState>();

/** Deliver a pending cancellation to the task running on `t` (at an asyncio await). */
export function takeCancel(t: VThread): void {
  const task = taskOf.get(t);
  if (task && inside(task).cancelRequested) {
    inside(task).cancelRequested = false;
    throw new CancelledError();
  }
}

/** Awaitables: a Task, or a function that starts the coroutine. */
export type Awaitable<T> = Task<T> | (() => Promise<T> | T);

/** What the runtime keeps of a task: in a side table, never in a property (issue 9). */
interface TaskInside {
  readonly v: VThread;
  /** Threads blocked until this task is done. */
  readonly watchers: VThread[];
  cancelRequested: boolean;
  state(): TaskState;
  /** The exception nobody looked at, if the task failed and none did. */
  lostError(): unknown;
  /** A gather owns this task: a failure after the first one is retrieved by it, not lost. */
  gathered(): void;
}

const insides = new WeakMap<object, TaskInside>();

function inside(task: Task<unknown>): TaskInside {
  const x = insides.get(task);
  if (x === undefined) throw new TypeError("not a Task made by asyncio.createTask()");
  return x;
}

/** Set by newTask for the constructor: programs cannot construct a Task themselves. */
let creating: {
  s: Scheduler;
  loop: LoopState;
  fn: () => unknown;
  name: string;
  parent: VThread | null;
} | null = null;

function newTask<T>(
  s: Scheduler,
  loop: LoopState,
  fn: () => Promise<T> | T,
  name: string,
  parent: VThread | null,
): Task<T> {
  creating = { s, loop, fn, name, parent };
  try {
    return new Task<T>();
  } finally {
    creating = null;
  }
}

export class Task<T> implements PromiseLike<T> {
  readonly name: string;
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { state: TaskState; result: T | undefined; error: unknown; retrieved: boolean; gathered: boolean } = {
    state: "pending",
    result: undefined,
    error: undefined,
    retrieved: false,
    gathered: false,
  };
  /** Gathered: gather retrieves the exceptions of its children (CPython's _GatheringFuture callback). */
  readonly #s: Scheduler;
  readonly #in: TaskInside;

  /** Tasks come from asyncio.createTask() (or gather/run): `new Task()` is a TypeError. */
  constructor() {
    if (creating === null) throw new TypeError("a Task is created by asyncio.createTask(coro), not with new");
    const { s, loop, name, parent } = creating;
    const fn = creating.fn as () => Promise<T> | T;
    creating = null;
    this.#s = s;
    this.name = name;
    const v = s.newThread(name);
    this.#in = {
      v,
      watchers: [],
      cancelRequested: false,
      state: () => this.#m.state,
      lostError: () =>
        this.#m.state === "failed" && !this.#m.retrieved && !this.#m.gathered ? this.#m.error : undefined,
      gathered: () => {
        this.#m.gathered = true;
      },
    };
    insides.set(this, this.#in);
    s.bindToLoop(v, loop.ref);
    taskOf.set(v, this as Task<unknown>);
    adoptThread(v);
    loop.tasks.push(this as Task<unknown>);
    v.state = "runnable";
    s.start(v, parent, async () => {
      try {
        takeCancel(v);
        this.#m.result = await fn();
        this.#m.state = "done";
      } catch (error) {
        if (error instanceof CancelledError) this.#m.state = "cancelled";
        else {
          this.#m.state = "failed";
          this.#m.error = error;
          s.taskRaised(v, error);
        }
      }
      if (!s.over)
        s.event(v, this.#m.state === "done" ? "return" : this.#m.state === "cancelled" ? "cancelled" : "raise", name);
      for (const w of [...this.#in.watchers]) s.wake(w);
      this.#in.watchers.length = 0;
    });
    if (parent) s.event(parent, "createTask", name);
    if (new.target === Task) Object.freeze(this);
  }

  done(): boolean {
    return this.#m.state !== "pending";
  }

  cancelled(): boolean {
    return this.#m.state === "cancelled";
  }

  /** The task's return value; raises its exception, CancelledError, or InvalidStateError if not done. */
  result(): T {
    this.#m.retrieved = true;
    switch (this.#m.state) {
      case "pending":
        throw new InvalidStateError(`${this.name} is not done`);
      case "cancelled":
        throw new CancelledError(`${this.name} was cancelled`);
      case "failed":
        throw this.#m.error;
      default:
        return this.#m.result as T;
    }
  }

  /** The exception the task raised (null if none). */
  exception(): unknown {
    if (this.#m.state === "pending") throw new InvalidStateError(`${this.name} is not done`);
    if (this.#m.state === "cancelled") throw new CancelledError(`${this.name} was cancelled`);
    this.#m.retrieved = true;
    return this.#m.state === "failed" ? this.#m.error : null;
  }

  /** Ask the task to stop: CancelledError is raised inside it at its next asyncio await. */
  cancel(): boolean {
    if (this.done()) return false;
    this.#in.cancelRequested = true;
    const v = this.#in.v;
    if (v.state === "blocked" && v.wait?.yieldsLoop) this.#s.wake(v);
    return true;
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    return awaitTask(this).then(onFulfilled, onRejected);
  }
}

markUnpicklable(Task, "asyncio.Task");

/** Block `t` until `task` is done (cancellation of `t` cancels `task` too, as awaiting a task does). */
async function untilDone(s: Scheduler, t: VThread, task: Task<unknown>, deadline = Infinity): Promise<void> {
  while (!task.done() && s.now < deadline) {
    await s.block(
      t,
      {
        op: "await",
        target: task.name,
        waiters: inside(task).watchers,
        yieldsLoop: true,
        holder: () => inside(task).v,
      },
      deadline,
    );
    const mine = taskOf.get(t);
    if (mine && inside(mine).cancelRequested) {
      task.cancel();
      takeCancel(t);
    }
  }
}

async function awaitTask<T>(task: Task<T>): Promise<T> {
  const s = sched();
  const t = s.enter("await");
  try {
    if (taskOf.get(t) === task) throw new RuntimeError(`${task.name} cannot await itself`);
    takeCancel(t);
    await s.point(t);
    await untilDone(s, t, task as Task<unknown>);
    s.monitor.join(t.id, inside(task).v.id);
    s.event(t, "await", task.name);
    return task.result();
  } finally {
    s.leave(t);
  }
}

function runningLoop(s: Scheduler, what: string): LoopState {
  const t = s.current;
  const ref = t?.loop;
  const loop = ref ? loopOf.get(ref) : undefined;
  if (!loop) throw new RuntimeError(`${what}: no running event loop (call it from code that asyncio.run() runs)`);
  return loop;
}

/** asyncio.create_task: start `coro()` as a task of the running loop. */
export function createTask<T>(coro: () => Promise<T> | T, options: { name?: string } = {}): Task<T> {
  const s = sched();
  if (typeof coro !== "function") {
    throw new TypeError(
      "createTask takes a function that starts the coroutine, e.g. createTask(() => fetchPage(url)): JavaScript starts an async function the moment it is called, so a running promise cannot become a task",
    );
  }
  const loop = runningLoop(s, "createTask()");
  return newTask(s, loop, coro, options.name ?? autoName("Task"), s.current);
}

function toTask<T>(aw: Awaitable<T>, what: string): Task<T> {
  if (aw instanceof Task) return aw;
  if (typeof aw === "function") return createTask(aw as () => Promise<T>);
  throw new TypeError(
    `${what} takes tasks or functions that start coroutines (() => fetch(url)), not ${aw === null ? "null" : typeof aw === "object" && typeof (aw as { then?: unknown }).then === "function" ? "a running promise" : typeof aw}: JavaScript starts an async function the moment it is called`,
  );
}

/** asyncio.run(main): run `main()` as the first task of a new event loop until it is done. */
export async function run<T>(main: () => Promise<T> | T): Promise<T> {
  const s = sched();
  const t = s.enter("asyncio.run");
  try {
    if (t.loop) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
    if (typeof main !== "function")
      throw new TypeError("asyncio.run takes a function: asyncio.run(main), or asyncio.run(() => main(args))");
    const ref = new EventLoopRef(autoName("EventLoop"));
    const loop: LoopState = { ref, tasks: [] };
    loopOf.set(ref, loop);
    await s.point(t);
    const first = newTask(s, loop, main, autoName("Task"), t);
    while (!first.done())
      await s.block(t, {
        op: "asyncio.run",
        target: first.name,
        waiters: inside(first).watchers,
        holder: () => inside(first).v,
      });
    // As asyncio.run does: cancel what is left and let it finish.
    for (const task of loop.tasks) task.cancel();
    for (const task of loop.tasks) {
      while (!task.done())
        await s.block(t, {
          op: "asyncio.run",
          target: task.name,
          waiters: inside(task).watchers,
          holder: () => inside(task).v,
        });
      s.monitor.join(t.id, inside(task).v.id);
    }
    const lost = loop.tasks.find((x) => x !== first && inside(x).lostError() !== undefined);
    if (lost) {
      const message = `${lost.name} raised ${describeError(inside(lost).lostError())} and nobody awaited it (asyncio only logs "Task exception was never retrieved"): await your tasks, or gather them`;
      s.fail({ kind: "error", message }, inside(lost).v);
      throw new RuntimeError(message);
    }
    s.event(t, "asyncio.run", first.name);
    return first.result() as T;
  } finally {
    s.leave(t);
  }
}

export interface GatherOptions {
  returnExceptions?: boolean;
}

function isGatherOptions(x: unknown): x is GatherOptions {
  return (
    typeof x === "object" && x !== null && !(x instanceof Task) && typeof (x as { then?: unknown }).then !== "function"
  );
}

/**
 * asyncio.gather(...aws, { returnExceptions }): run them concurrently; the results in order.
 * Without returnExceptions the first exception is raised at once (the others go on).
 */
export async function gather(...args: (Awaitable<unknown> | GatherOptions)[]): Promise<unknown[]> {
  const last = args[args.length - 1];
  const options: GatherOptions = isGatherOptions(last) ? (args.pop() as GatherOptions) : {};
  const tasks = (args as Awaitable<unknown>[]).map((a) => toTask(a, "gather"));
  for (const x of tasks) inside(x).gathered();
  const s = sched();
  const t = s.enter("gather");
  try {
    takeCancel(t);
    await s.point(t);
    for (;;) {
      const pending = tasks.filter((x) => !x.done());
      if (!options.returnExceptions) {
        // result() raises the task's exception (or CancelledError).
        tasks.find((x) => inside(x).state() === "failed" || inside(x).state() === "cancelled")?.result();
      }
      if (pending.length === 0) break;
      for (const x of pending) inside(x).watchers.push(t);
      await s.block(t, {
        op: "gather",
        target: `${pending.length} of ${tasks.length} task${tasks.length === 1 ? "" : "s"}`,
        waiters: null,
        yieldsLoop: true,
        holder: () => inside(pending[0]!).v,
      });
      for (const x of pending) {
        const i = inside(x).watchers.indexOf(t);
        if (i >= 0) inside(x).watchers.splice(i, 1);
      }
      const mine = taskOf.get(t);
      if (mine && inside(mine).cancelRequested) {
        for (const x of tasks) x.cancel();
        takeCancel(t);
      }
    }
    for (const x of tasks) s.monitor.join(t.id, inside(x).v.id);
    s.event(t, "gather", `${tasks.length} task${tasks.length === 1 ? "" : "s"}`);
    return tasks.map((x) => {
      if (!options.returnExceptions) return x.result();
      if (inside(x).state() === "cancelled") return new CancelledError(`${x.name} was cancelled`);
      return inside(x).state() === "failed" ? x.exception() : x.result();
    });
  } finally {
    s.leave(t);
  }
}

/**
 * asyncio.wait_for(aw, timeout): its result, or TimeoutError after `timeoutMs` of virtual
 * time — the task is cancelled first, and waited for, as in Python 3.11.
 */
export async function waitFor<T>(aw: Awaitable<T>, timeoutMs: number | null): Promise<T> {
  const task = toTask(aw, "waitFor") as Task<unknown>;
  const s = sched();
  const t = s.enter("waitFor");
  try {
    takeCancel(t);
    await s.point(t);
    const deadline =
      timeoutMs === null || timeoutMs === undefined ? Infinity : s.now + Math.max(0, Number(timeoutMs) || 0);
    await untilDone(s, t, task, deadline);
    if (!task.done()) {
      task.cancel();
      await untilDone(s, t, task);
      if (task.cancelled()) {
        s.event(t, "timeout", task.name);
        throw new TimeoutError(`${task.name} did not finish within ${timeoutMs} ms`);
      }
    }
    s.monitor.join(t.id, inside(task).v.id);
    return task.result() as T;
  } finally {
    s.leave(t);
  }
}

/** asyncio.sleep(ms): give the loop to other tasks for `ms` of virtual time (0: one turn). */
export async function sleep<T = undefined>(ms: number, result?: T): Promise<T> {
  const s = sched();
  const t = s.enter("sleep");
  try {
    takeCancel(t);
    const delay = Math.max(0, Number(ms) || 0);
    if (delay === 0) {
      s.event(t, "sleep", "asyncio", 0);
      await s.yieldLoop(t);
    } else {
      await s.point(t);
      s.event(t, "sleep", "asyncio", delay);
      const deadline = s.now + delay;
      while (s.now < deadline) {
        await s.block(t, { op: "sleep", target: "asyncio", waiters: null, yieldsLoop: true }, deadline);
        takeCancel(t);
      }
    }
    takeCancel(t);
    return result as T;
  } finally {
    s.leave(t);
  }
}

/** asyncio.current_task(). */
export function currentTask(): Task<unknown> | null {
  const t = sched().current;
  return (t && taskOf.get(t)) ?? null;
}

/**
 * asyncio.as_completed: results in the order the tasks finish —
 * `for await (const page of asCompleted(tasks))`; a failed task raises there. (An async
 * generator awaits what it yields, so it yields results where Python yields futures.)
 */
export function asCompleted<T>(aws: Awaitable<T>[]): AsyncIterable<T> {
  const tasks = aws.map((a) => toTask(a, "asCompleted"));
  return {
    async *[Symbol.asyncIterator]() {
      const left = [...tasks];
      while (left.length > 0) {
        const s = sched();
        const t = s.enter("asCompleted");
        try {
          takeCancel(t);
          await s.point(t);
          while (!left.some((x) => x.done())) {
            for (const x of left) inside(x).watchers.push(t);
            await s.block(t, {
              op: "asCompleted",
              target: `${left.length} task${left.length === 1 ? "" : "s"}`,
              waiters: null,
              yieldsLoop: true,
              holder: () => inside(left[0]!).v,
            });
            for (const x of left) {
              const i = inside(x).watchers.indexOf(t);
              if (i >= 0) inside(x).watchers.splice(i, 1);
            }
            takeCancel(t);
          }
        } finally {
          s.leave(t);
        }
        const i = left.findIndex((x) => x.done());
        const [done] = left.splice(i, 1);
        const me = sched().current;
        if (me) sched().monitor.join(me.id, inside(done!).v.id);
        yield done!.result();
      }
    },
  };
}
