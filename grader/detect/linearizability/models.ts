/**
 * Ready-made sequential models for `checkLinearizability`. States are immutable (the
 * search backtracks to old states) and have canonical memo keys, so two ways of reaching
 * the same contents are recognised as one (Lowe's memoization). The set and the map are
 * partitioned per element / per key, as Porcupine's KV model is, which is what makes
 * 200-operation histories cheap to check.
 *
 * Conventions, chosen to match what a harness can record from the Python-style runtime:
 * an `undefined` output means "not observed" and is accepted whatever the state; `null`
 * from a dequeue/pop/get means "empty"/"absent" (so `null` is not a storable value).
 */

import type { Model, Operation } from "./history";

/** Structural equality good enough for recorded outputs (JSON-like values). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Distinguishes 1 from "1" in keys and set elements. */
function encode(value: string | number): string {
  return typeof value === "number" ? `n${value}` : `s${value}`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** Groups operations by a key, parts and their contents in first-appearance order. */
function partitionBy<I, O>(history: Operation<I, O>[], keyOf: (op: Operation<I, O>) => string): Operation<I, O>[][] {
  const parts = new Map<string, Operation<I, O>[]>();
  for (const op of history) {
    const key = keyOf(op);
    const part = parts.get(key);
    if (part === undefined) parts.set(key, [op]);
    else part.push(op);
  }
  return [...parts.values()];
}

// ── register ────────────────────────────────────────────────────────────────────────

export type RegisterInput<T> = { op: "read" } | { op: "write"; value: T };
/** read → the value; write → undefined. */
export type RegisterOutput<T> = T | undefined;

export function registerModel<T>(initial: T): Model<T, RegisterInput<T>, RegisterOutput<T>> {
  return {
    name: "register",
    init: () => initial,
    step(state, input, output) {
      if (input.op === "write") return { ok: true, state: input.value };
      return { ok: output === undefined || sameValue(output, state), state };
    },
    describe: (op) => (op.input.op === "write" ? `write(${show(op.input.value)})` : `read() → ${show(op.output)}`),
  };
}

// ── counter ─────────────────────────────────────────────────────────────────────────

export type CounterInput = { op: "increment"; by?: number } | { op: "get" };
/** get → the value; increment → the new value if the implementation returns it, else undefined. */
export type CounterOutput = number | undefined;

export function counterModel(initial = 0): Model<number, CounterInput, CounterOutput> {
  return {
    name: "counter",
    init: () => initial,
    step(state, input, output) {
      const next = input.op === "increment" ? state + (input.by ?? 1) : state;
      return { ok: output === undefined || output === next, state: next };
    },
    key: (state) => String(state),
    describe(op) {
      if (op.input.op === "get") return `get() → ${show(op.output)}`;
      const call = op.input.by === undefined ? "increment()" : `increment(${op.input.by})`;
      return op.output === undefined ? call : `${call} → ${op.output}`;
    },
  };
}

// ── FIFO queue and LIFO stack ───────────────────────────────────────────────────────

export type QueueInput<T> = { op: "enqueue"; value: T } | { op: "dequeue" };
/** dequeue → the value, or null when the queue was empty; enqueue → undefined. */
export type QueueOutput<T> = T | null | undefined;

type QueueOp<T> = Operation<QueueInput<T>, QueueOutput<T>>;

/** a ≺ b in real time: a returned before b was called (equal stamps overlap, as in the search). */
function precedes(a: { ret: number }, b: { call: number }): boolean {
  return a.ret < b.call;
}

/** Enqueues and value-returning dequeues grouped by value (JSON form, first-seen order). */
function queueValues<T>(history: readonly QueueOp<T>[]) {
  const byValue = new Map<string, { enqueues: QueueOp<T>[]; dequeues: QueueOp<T>[] }>();
  const entry = (value: unknown) => {
    const key = JSON.stringify(value) ?? "undefined";
    let e = byValue.get(key);
    if (e === undefined) byValue.set(key, (e = { enqueues: [], dequeues: [] }));
    return e;
  };
  const empties: QueueOp<T>[] = [];
  let unobserved = false;
  for (const op of history) {
    if (op.input.op === "enqueue") entry(op.input.value).enqueues.push(op);
    else if (op.output === null) empties.push(op);
    else if (op.output !== undefined) entry(op.output).dequeues.push(op);
    else unobserved = true;
  }
  return { byValue, empties, unobserved };
}

/**
 * The queue's bad patterns (T. A. Henzinger, A. Sezgin and V. Vafeiadis, "Aspect-oriented
 * linearizability proofs", CONCUR 2013; A. Bouajjani, M. Emmi, C. Enea and J. Hamza,
 * "On reducing linearizability to state reachability", ICALP 2015). For values enqueued
 * once, each pattern below proves the history non-linearizable; the search then never has
 * to enumerate the exponentially many orders of concurrent enqueues to refute it.
 *  - fresh: a dequeue returns a value never enqueued, or returns before its enqueue starts;
 *  - repeated: two dequeues return the value of one enqueue;
 *  - order: enqueue(x) ≺ enqueue(y), y is dequeued, and x is dequeued after it or never;
 *  - empty: a dequeue returns empty while some x is surely inside: enqueue(x) ≺ it ≺ the
 *    dequeue of x (or x is never dequeued).
 * The converse (no pattern ⇒ linearizable) is left to the search, so the answer never
 * depends on the catalogue being complete.
 */
function refuteQueue<T>(history: readonly QueueOp<T>[]): QueueOp<T>[] | null {
  const { byValue, empties, unobserved } = queueValues(history);
  for (const { enqueues, dequeues } of byValue.values()) {
    if (dequeues.length > 0 && enqueues.length === 0) return [dequeues[0]];
    if (enqueues.length !== 1) continue;
    const enqueue = enqueues[0];
    for (const d of dequeues) if (precedes(d, enqueue)) return [enqueue, d];
    if (dequeues.length > 1) return [enqueue, dequeues[0], dequeues[1]];
  }
  const unique = [...byValue.values()].filter((v) => v.enqueues.length === 1 && v.dequeues.length <= 1);
  for (const x of unique) {
    for (const y of unique) {
      if (y.dequeues.length === 0 || !precedes(x.enqueues[0], y.enqueues[0])) continue;
      const dx = x.dequeues[0];
      const dy = y.dequeues[0];
      // "Never dequeued" is only known when every dequeue's result was recorded.
      if (dx === undefined) {
        if (!unobserved) return [x.enqueues[0], y.enqueues[0], dy];
        continue;
      }
      if (precedes(dy, dx)) return [x.enqueues[0], y.enqueues[0], dy, dx];
    }
  }
  for (const empty of empties) {
    for (const x of unique) {
      const dx = x.dequeues[0];
      if (precedes(x.enqueues[0], empty) && (dx === undefined ? !unobserved : precedes(empty, dx))) {
        return dx === undefined ? [x.enqueues[0], empty] : [x.enqueues[0], empty, dx];
      }
    }
  }
  return null;
}

/**
 * Try enqueues in the order their values come out (values never dequeued last) and
 * dequeues at their call time: with values enqueued once, this is almost always the
 * right order, so a linearizable history is confirmed with next to no backtracking.
 */
function prioritizeQueue<T>(history: readonly QueueOp<T>[]): number[] {
  const { byValue } = queueValues(history);
  const outAt = new Map<QueueOp<T>, number>();
  for (const { enqueues, dequeues } of byValue.values()) {
    enqueues.forEach((e, i) => outAt.set(e, dequeues[i]?.call ?? Number.MAX_SAFE_INTEGER));
  }
  return history.map((op) => outAt.get(op) ?? op.call);
}

export function queueModel<T>(): Model<readonly T[], QueueInput<T>, QueueOutput<T>> {
  return {
    name: "FIFO queue",
    prioritize: prioritizeQueue,
    refute: refuteQueue,
    init: () => [],
    step(state, input, output) {
      if (input.op === "enqueue") return { ok: true, state: [...state, input.value] };
      if (state.length === 0) return { ok: output === null || output === undefined, state };
      return { ok: output === undefined || sameValue(output, state[0]), state: state.slice(1) };
    },
    key: (state) => JSON.stringify(state),
    describe: (op) =>
      op.input.op === "enqueue"
        ? `enqueue(${show(op.input.value)})`
        : `dequeue() → ${op.output === null ? "empty" : show(op.output)}`,
  };
}

export type StackInput<T> = { op: "push"; value: T } | { op: "pop" };
/** pop → the value, or null when the stack was empty; push → undefined. */
export type StackOutput<T> = T | null | undefined;

/**
 * Push in the reverse order of the pops (a value popped later went in earlier; values
 * never popped first of all), pops at their call time. Only speed depends on it.
 */
function prioritizeStack<T>(history: readonly Operation<StackInput<T>, StackOutput<T>>[]): number[] {
  const poppedAt = new Map<string, number[]>();
  for (const op of history) {
    if (op.input.op !== "pop" || op.output === null || op.output === undefined) continue;
    const key = JSON.stringify(op.output) ?? "undefined";
    const times = poppedAt.get(key);
    if (times === undefined) poppedAt.set(key, [op.call]);
    else times.push(op.call);
  }
  return history.map((op) => {
    if (op.input.op === "pop") return op.call;
    const times = poppedAt.get(JSON.stringify(op.input.value) ?? "undefined");
    return -(times?.shift() ?? Number.MAX_SAFE_INTEGER);
  });
}

export function stackModel<T>(): Model<readonly T[], StackInput<T>, StackOutput<T>> {
  return {
    name: "stack",
    prioritize: prioritizeStack,
    init: () => [],
    step(state, input, output) {
      if (input.op === "push") return { ok: true, state: [...state, input.value] };
      if (state.length === 0) return { ok: output === null || output === undefined, state };
      const top = state[state.length - 1];
      return { ok: output === undefined || sameValue(output, top), state: state.slice(0, -1) };
    },
    key: (state) => JSON.stringify(state),
    describe: (op) =>
      op.input.op === "push"
        ? `push(${show(op.input.value)})`
        : `pop() → ${op.output === null ? "empty" : show(op.output)}`,
  };
}

// ── set (partitioned by element) ────────────────────────────────────────────────────

export type SetElement = string | number;
export type SetInput = { op: "add" | "remove" | "contains"; value: SetElement };
/** add → true if it was absent; remove → true if it was present; contains → membership;
 * undefined where the implementation returns nothing. */
export type SetOutput = boolean | undefined;

export function setModel(): Model<readonly string[], SetInput, SetOutput> {
  return {
    name: "set",
    init: () => [],
    step(state, input, output) {
      const element = encode(input.value);
      const present = state.includes(element);
      const expected = input.op === "add" ? !present : present;
      const ok = output === undefined || output === expected;
      if (input.op === "add" && !present) return { ok, state: [...state, element].sort() };
      if (input.op === "remove" && present) return { ok, state: state.filter((e) => e !== element) };
      return { ok, state };
    },
    key: (state) => state.join("\u0000"),
    partition: (history) => partitionBy(history, (op) => encode(op.input.value)),
    describe: (op) => `${op.input.op}(${show(op.input.value)})${op.output === undefined ? "" : ` → ${op.output}`}`,
  };
}

// ── key-value map (partitioned by key) ──────────────────────────────────────────────

export type MapKey = string | number;
export type MapInput<V> =
  | { op: "get"; key: MapKey }
  | { op: "put"; key: MapKey; value: V }
  | { op: "delete"; key: MapKey };
/** get → the value, or null when absent; put/delete → the previous value (null if absent)
 * when the implementation returns it, else undefined. */
export type MapOutput<V> = V | null | undefined;

/** State: [encoded key, value] pairs sorted by key, so equal maps have equal memo keys. */
export type MapState<V> = readonly (readonly [string, V])[];

export function mapModel<V>(): Model<MapState<V>, MapInput<V>, MapOutput<V>> {
  return {
    name: "key-value map",
    init: () => [],
    step(state, input, output) {
      const key = encode(input.key);
      const index = state.findIndex(([k]) => k === key);
      const current = index < 0 ? null : state[index][1];
      const ok = output === undefined || sameValue(output, current);
      if (input.op === "get") return { ok, state };
      const without = index < 0 ? state : state.filter((_, i) => i !== index);
      if (input.op === "delete") return { ok, state: without };
      const next = [...without, [key, input.value] as const].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return { ok, state: next };
    },
    key: (state) => JSON.stringify(state),
    partition: (history) => partitionBy(history, (op) => encode(op.input.key)),
    describe(op) {
      const input = op.input;
      const call =
        input.op === "put" ? `put(${show(input.key)}, ${show(input.value)})` : `${input.op}(${show(input.key)})`;
      if (op.output === undefined) return call;
      return `${call} → ${op.output === null ? (input.op === "get" ? "absent" : "null") : show(op.output)}`;
    },
  };
}
