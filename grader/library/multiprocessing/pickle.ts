// Processes share nothing (issue 5): what crosses between virtual processes is copied, as
// Python's multiprocessing pickles it. `pickle` snapshots a value in the sender (so later
// changes there are not seen) and measures its size, which costs virtual time per byte;
// `unpickle` rebuilds it in the receiver, where functions and classes are the receiver's
// own module instances — found by name, like pickle finds them by qualified name. Only
// plain data, exported top-level functions and instances of exported classes can cross.
// Runtime objects cannot: a Lock in another process would not be the same lock.

import { Barrier } from "../threading/barrier";
import { Condition } from "../threading/condition";
import { Event } from "../threading/event";
import { Lock, RLock } from "../threading/locks";
import { Queue } from "../threading/queue";
import { BoundedSemaphore, Semaphore } from "../threading/semaphore";
import { AtomicInt, Shared, SharedArray } from "../threading/shared";
import { Thread } from "../threading/thread";
import { programHost } from "../../engine/program";

export class PicklingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PicklingError";
  }
}

/** Classes whose instances belong to one process (checked in order; subclasses first). */
const unpicklable: [abstract new (...args: never[]) => unknown, string][] = [
  [BoundedSemaphore, "BoundedSemaphore"],
  [Semaphore, "Semaphore"],
  [RLock, "RLock"],
  [Lock, "Lock"],
  [Condition, "Condition"],
  [Event, "Event"],
  [Barrier, "Barrier"],
  [Queue, "Queue"],
  [SharedArray, "SharedArray"],
  [Shared, "Shared"],
  [AtomicInt, "AtomicInt"],
  [Thread, "Thread"],
];

/** Other runtime modules register their per-process classes here (asyncio, I/O, Pool...). */
export function markUnpicklable(ctor: abstract new (...args: never[]) => unknown, name: string): void {
  unpicklable.push([ctor, name]);
}

/** Channels between processes (ProcessQueue, Pipe ends) cross by reference, as inherited handles do. */
const byReference = new WeakSet<object>();

export function crossesByReference(value: object): void {
  byReference.add(value);
}

class FunctionRef {
  constructor(
    readonly module: string,
    readonly key: string,
  ) {}
}

class InstanceRef {
  constructor(
    readonly cls: FunctionRef,
    readonly props: [string, unknown][],
  ) {}
}

class ErrorSnapshot {
  constructor(
    readonly name: string,
    readonly message: string,
  ) {}
}

export interface Pickled {
  /** The snapshot (only `unpickle` reads it). */
  readonly data: unknown;
  /** Approximate pickled size in bytes (what the copy costs). */
  readonly bytes: number;
}

/** The module and export name under which `fn` is exported in `cache`, if it is. */
export function findExport(fn: unknown, cache: Map<string, unknown>): { module: string; key: string } | null {
  for (const [module, exports] of cache) {
    if (typeof exports !== "object" || exports === null) continue;
    for (const key of Object.keys(exports)) {
      let value: unknown;
      try {
        value = (exports as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      if (value === fn) return { module, key };
    }
  }
  return null;
}

function runtimeClassOf(value: object): string | null {
  for (const [ctor, name] of unpicklable) if (value instanceof ctor) return name;
  return null;
}

const TYPED_ARRAYS = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];

/** Snapshot `value` for another process; `what` names it in errors ("args", "items"). */
export function pickle(value: unknown, what: string, cache: Map<string, unknown>): Pickled {
  let bytes = 0;
  const memo = new Map<object, unknown>();

  const copy = (v: unknown, path: string): unknown => {
    switch (typeof v) {
      case "undefined":
      case "boolean":
        bytes += 1;
        return v;
      case "number":
        bytes += 9;
        return v;
      case "bigint":
        bytes += 9 + Math.ceil(v.toString(16).length / 2);
        return v;
      case "string":
        bytes += 5 + v.length;
        return v;
      case "symbol":
        throw new PicklingError(`cannot pickle a symbol (${path})`);
      case "function": {
        const ref = findExport(v, cache);
        if (!ref) {
          throw new PicklingError(
            `cannot pickle function ${v.name || "(anonymous)"} (${path}): functions sent to another process must be exported top-level functions (Python pickles them by name)`,
          );
        }
        bytes += 10 + ref.module.length + ref.key.length;
        return new FunctionRef(ref.module, ref.key);
      }
    }
    if (v === null) {
      bytes += 1;
      return null;
    }
    const obj = v as object;
    if (memo.has(obj)) {
      bytes += 2;
      return memo.get(obj);
    }
    if (byReference.has(obj)) {
      bytes += 16;
      return obj;
    }
    const runtime = runtimeClassOf(obj);
    if (runtime)
      throw new PicklingError(
        `cannot pickle ${runtime} (${path}): processes share no memory; use ProcessQueue or Pipe`,
      );
    if (Array.isArray(obj)) {
      const out: unknown[] = [];
      memo.set(obj, out);
      bytes += 5;
      for (let i = 0; i < obj.length; i++) out.push(copy(obj[i], `${path}[${i}]`));
      return out;
    }
    if (obj instanceof Map) {
      const out = new Map<unknown, unknown>();
      memo.set(obj, out);
      bytes += 5;
      for (const [k, x] of obj) out.set(copy(k, `${path} key`), copy(x, `${path}.get(${String(k)})`));
      return out;
    }
    if (obj instanceof Set) {
      const out = new Set<unknown>();
      memo.set(obj, out);
      bytes += 5;
      for (const x of obj) out.add(copy(x, `${path} item`));
      return out;
    }
    if (obj instanceof Date) {
      bytes += 9;
      const out = new Date(obj.getTime());
      memo.set(obj, out);
      return out;
    }
    if (obj instanceof Error) {
      bytes += 10 + obj.name.length + obj.message.length;
      const out = new ErrorSnapshot(obj.name, obj.message);
      memo.set(obj, out);
      return out;
    }
    for (const T of TYPED_ARRAYS) {
      if (obj instanceof T) {
        bytes += 5 + obj.byteLength;
        const out = (obj as { slice(): unknown }).slice();
        memo.set(obj, out);
        return out;
      }
    }
    if (obj instanceof ArrayBuffer) {
      bytes += 5 + obj.byteLength;
      const out = obj.slice(0);
      memo.set(obj, out);
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    const plain = proto === Object.prototype || proto === null;
    let cls: FunctionRef | null = null;
    if (!plain) {
      const ctor = (proto as { constructor?: unknown }).constructor;
      const ref = findExport(ctor, cache);
      const name = typeof ctor === "function" && ctor.name ? ctor.name : "object";
      if (!ref)
        throw new PicklingError(
          `cannot pickle ${name} (${path}): to send an object to another process its class must be exported at top level (or send plain data)`,
        );
      cls = new FunctionRef(ref.module, ref.key);
      bytes += 10 + ref.module.length + ref.key.length;
    }
    const props: [string, unknown][] = [];
    const out = cls ? new InstanceRef(cls, props) : proto === null ? Object.create(null) : {};
    memo.set(obj, out);
    bytes += 5;
    for (const key of Object.keys(obj)) {
      const x = copy((obj as Record<string, unknown>)[key], `${path}.${key}`);
      bytes += 5 + key.length;
      if (cls) props.push([key, x]);
      else Object.defineProperty(out, key, { value: x, writable: true, enumerable: true, configurable: true });
    }
    return out;
  };

  const data = copy(value, what);
  return { data, bytes };
}

/** Rebuild a snapshot in the process whose modules are `cache`. */
export function unpickle(p: Pickled, cache: Map<string, unknown>): unknown {
  const memo = new Map<object, unknown>();
  const resolve = (ref: FunctionRef): unknown => {
    const exports = programHost().instantiate(ref.module, cache) as Record<string, unknown>;
    return exports[ref.key];
  };
  const build = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    if (memo.has(v)) return memo.get(v);
    if (byReference.has(v)) return v;
    if (v instanceof FunctionRef) {
      const fn = resolve(v);
      memo.set(v, fn);
      return fn;
    }
    if (v instanceof ErrorSnapshot) {
      const e = new Error(v.message);
      e.name = v.name;
      memo.set(v, e);
      return e;
    }
    if (v instanceof InstanceRef) {
      const ctor = resolve(v.cls) as { prototype?: object } | undefined;
      const out = Object.create(ctor?.prototype ?? Object.prototype) as Record<string, unknown>;
      memo.set(v, out);
      for (const [k, x] of v.props)
        Object.defineProperty(out, k, { value: build(x), writable: true, enumerable: true, configurable: true });
      return out;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      memo.set(v, out);
      for (const x of v) out.push(build(x));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map();
      memo.set(v, out);
      for (const [k, x] of v) out.set(build(k), build(x));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      memo.set(v, out);
      for (const x of v) out.add(build(x));
      return out;
    }
    if (v instanceof Date || ArrayBuffer.isView(v) || v instanceof ArrayBuffer) {
      // Already a private copy made by pickle: receivers of one snapshot each get their own.
      const out =
        v instanceof Date
          ? new Date(v.getTime())
          : v instanceof ArrayBuffer
            ? v.slice(0)
            : (v as unknown as { slice(): unknown }).slice();
      memo.set(v, out);
      return out;
    }
    const out = Object.create(Object.getPrototypeOf(v) as object | null) as Record<string, unknown>;
    memo.set(v, out);
    for (const k of Object.keys(v))
      Object.defineProperty(out, k, {
        value: build((v as Record<string, unknown>)[k]),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    return out;
  };
  return build(p.data);
}
