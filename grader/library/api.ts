// The "interleave" module: what student and harness code import. Its exports ARE the module:
// boot.ts hands the frozen namespace to programs, so export nothing else from here.

import { sched } from "../engine/context";
import { AssertionError, BrokenBarrierError, Empty, Full, IndexError, RuntimeError, ValueError } from "./errors";
import { Barrier } from "./threading/barrier";
import { Condition } from "./threading/condition";
import { Event } from "./threading/event";
import { Lock, RLock } from "./threading/locks";
import { Queue } from "./threading/queue";
import { BoundedSemaphore, Semaphore } from "./threading/semaphore";
import { AtomicInt, Shared, SharedArray } from "./threading/shared";
import { currentThread, spawn, Thread } from "./threading/thread";
import { assertLinearizable, checkLinearizable, History, models } from "./checking/history";
import { PicklingError } from "./multiprocessing/pickle";
import { Pool } from "./multiprocessing/pool";
import { Connection, cpuCount, currentProcess, EOFError, Pipe, Process, ProcessQueue } from "./multiprocessing/process";
import * as aio from "./asyncio/asyncio";
import * as aioSync from "./asyncio/asyncio-sync";
import { ConnectionError, Server, ServerConnection, Web } from "./io";

/** Block the calling thread for `ms` of virtual time. */
export async function sleep(ms: number): Promise<void> {
  const s = sched();
  const t = s.enter("sleep");
  try {
    await s.sleep(t, Number(ms) || 0);
  } finally {
    s.leave(t);
  }
}

/** Occupy a virtual core for `units` of virtual CPU time. */
export async function work(units: number): Promise<void> {
  const s = sched();
  const t = s.enter("work");
  try {
    await s.work(t, Math.max(0, Number(units) || 0));
  } finally {
    s.leave(t);
  }
}

/** A bare scheduling point: even the un-stressed schedule lets the next thread run here. */
export async function yieldNow(): Promise<void> {
  const s = sched();
  const t = s.enter("yieldNow");
  try {
    s.event(t, "yield");
    await s.point(t, "yield");
  } finally {
    s.leave(t);
  }
}

/** The virtual clock, in milliseconds since the program started. */
export function now(): number {
  return sched().now;
}

/** Fail this schedule when `condition` is false. The failure stands even if the error is caught. */
export function assert(condition: unknown, message?: string): asserts condition {
  if (condition) return;
  const s = sched();
  const text = message ?? "assertion failed";
  // The site even when not tracing: shrinking compares failures by where they happen.
  const site = s.siteOf(new Error().stack);
  s.fail({ kind: "assertion", message: text }, s.current, site);
  throw new AssertionError(text);
}

/** `import { asyncio } from "interleave"`: Python's asyncio (grader/library/asyncio/asyncio.ts). */
export const asyncio = Object.freeze({
  run: aio.run,
  createTask: aio.createTask,
  gather: aio.gather,
  waitFor: aio.waitFor,
  sleep: aio.sleep,
  currentTask: aio.currentTask,
  asCompleted: aio.asCompleted,
  Task: aio.Task,
  Lock: aioSync.Lock,
  Semaphore: aioSync.Semaphore,
  BoundedSemaphore: aioSync.BoundedSemaphore,
  Event: aioSync.Event,
  Queue: aioSync.Queue,
  CancelledError: aio.CancelledError,
  TimeoutError: aio.TimeoutError,
  InvalidStateError: aio.InvalidStateError,
  QueueEmpty: aioSync.QueueEmpty,
  QueueFull: aioSync.QueueFull,
});

/** `import { io } from "interleave"`: simulated I/O for harnesses (grader/library/io.ts). */
export const io = Object.freeze({ Web, Server, ServerConnection, ConnectionError });

// The classes under the namespaces are types too, as Python's module attributes are:
// `conn: io.ServerConnection`, `task: asyncio.Task<number>`.
/* eslint-disable @typescript-eslint/no-namespace */
export declare namespace io {
  type Web = import("./io").Web;
  type Server = import("./io").Server;
  type ServerConnection = import("./io").ServerConnection;
  type ConnectionError = import("./io").ConnectionError;
  type Response = import("./io").Response;
  type UrlProfile = import("./io").UrlProfile;
  type ClientPlan = import("./io").ClientPlan;
  type RequestLatency = import("./io").RequestLatency;
}

export declare namespace asyncio {
  type Task<T = unknown> = aio.Task<T>;
  type Lock = aioSync.Lock;
  type Semaphore = aioSync.Semaphore;
  type BoundedSemaphore = aioSync.BoundedSemaphore;
  type Event = aioSync.Event;
  type Queue<T = unknown> = aioSync.Queue<T>;
  type CancelledError = aio.CancelledError;
  type TimeoutError = aio.TimeoutError;
}
/* eslint-enable @typescript-eslint/no-namespace */

// Everything this module exports is the "interleave" module (boot.ts freezes the namespace);
// the declarations given to the editor and to the exercise type check are generated from it.
export {
  Thread,
  spawn,
  currentThread,
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
  AssertionError,
  RuntimeError,
  ValueError,
  IndexError,
  BrokenBarrierError,
  Full,
  Empty,
  Process,
  Pool,
  ProcessQueue,
  Pipe,
  Connection,
  currentProcess,
  cpuCount,
  EOFError,
  PicklingError,
  History,
  checkLinearizable,
  assertLinearizable,
  models,
};
