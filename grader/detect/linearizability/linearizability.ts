/**
 * Linearizability checking of a recorded concurrent history against a sequential model
 * (M. Herlihy and J. Wing, "Linearizability: a correctness condition for concurrent
 * objects", TOPLAS 1990). A harness records each operation's call and return timestamps
 * (logical: the scheduler's step counter) and its input and output; the history is
 * linearizable iff some total order of the operations that respects real time (an
 * operation that returned before another was called comes first) is a legal run of the
 * sequential model.
 *
 * - The search is Wing & Gong's with Lowe's memoization (see ./search).
 * - Porcupine's partitioning: when the model says how (`partition`), independent parts
 *   (one per set element, per map key) are checked separately. This is sound and complete
 *   by the locality of linearizability (Herlihy & Wing, Theorem 1), and turns one search
 *   exponential in the history into many small ones.
 * - A failing history is shrunk to a small non-linearizable sub-history, as Lincheck
 *   minimizes its scenarios, so a student reads 2–3 operations, not 200
 *   (./shrink explains why a naive shrink would blame innocent operations).
 * - Out of budget is "unknown", never "ok" (Porcupine's `CheckResult`).
 *
 * Pure TypeScript, deterministic, no Node APIs: runs inside the isolate as well as outside.
 */

import { searchLinearization, type SearchBudget } from "./search";
import { shrinkIllegal } from "./shrink";
import type { Model, Operation } from "./history";

export type { Model, Operation } from "./history";

export type LinearizabilityResult<I, O> =
  | { result: "ok"; linearization: number[] }
  | { result: "illegal"; minimal: Operation<I, O>[]; explanation: string }
  | { result: "unknown"; reason: string };

export interface LinearizabilityOptions {
  /** Search steps for the check itself (default 200,000). */
  maxSteps?: number;
  /** Search steps for shrinking an illegal history (default: maxSteps). Shrinking that runs
   * out returns the smallest sub-history it had confirmed (at worst the prefix the check needed). */
  maxShrinkSteps?: number;
}

/** A malformed history: a harness bug, not a student bug. */
export class LinearizabilityInputError extends Error {
  readonly code = "invalid-history";
}

/** ~100–300 bytes of memo per step: 200k steps stay well inside an isolate's memory limit. */
const DEFAULT_MAX_STEPS = 200_000;

export function checkLinearizability<S, I, O>(
  model: Model<S, I, O>,
  history: Operation<I, O>[],
  options?: LinearizabilityOptions,
): LinearizabilityResult<I, O> {
  for (const op of history) {
    if (!(op.call < op.ret)) {
      throw new LinearizabilityInputError(`operation ${op.id}: call (${op.call}) must be before return (${op.ret})`);
    }
  }
  const maxSteps = options?.maxSteps ?? DEFAULT_MAX_STEPS;
  const budget: SearchBudget = { remaining: maxSteps };
  const parts = (model.partition ? model.partition(history) : [history]).filter((p) => p.length > 0);

  const orders: Operation<I, O>[][] = [];
  for (let i = 0; i < parts.length; i++) {
    const witness = model.refute?.(parts[i]) ?? null;
    if (witness !== null && searchLinearization(model, witness, budget).kind === "illegal") {
      // A refuter's witness is already a minimal, meaningful pattern: shown as it is.
      const minimal = [...witness].sort(byCall);
      return { result: "illegal", minimal, explanation: explainIllegal(model, minimal) };
    }
    const outcome = searchLinearization(model, parts[i], budget);
    if (outcome.kind === "unknown") {
      const where = parts.length > 1 ? ` (after ${i} of ${parts.length} independent parts)` : "";
      return {
        result: "unknown",
        reason: `the search budget of ${maxSteps} steps ran out${where} before linearizability was proven or refuted`,
      };
    }
    if (outcome.kind === "illegal") {
      const start = outcome.relevant.map((k) => parts[i][k]);
      return illegal(model, start, { remaining: options?.maxShrinkSteps ?? maxSteps });
    }
    orders.push(outcome.order.map((k) => parts[i][k]));
  }
  return { result: "ok", linearization: mergeLinearizations(orders) };
}

function byCall(a: { call: number; id: number }, b: { call: number; id: number }): number {
  return a.call - b.call || a.id - b.id;
}

function illegal<S, I, O>(
  model: Model<S, I, O>,
  start: Operation<I, O>[],
  shrinkBudget: SearchBudget,
): LinearizabilityResult<I, O> {
  const minimal = shrinkIllegal(model, start, shrinkBudget).sort(byCall);
  return { result: "illegal", minimal, explanation: explainIllegal(model, minimal) };
}

/**
 * Joins per-partition linearizations into one global order. Give each operation the point
 * max(call of it and of everything before it in its partition's order): that point lies
 * within [call, ret] because the order respects real time, it never decreases along the
 * order, and an operation that returned before another was called gets a smaller point.
 * Sorting by point (stable, partitions in order) therefore respects every partition's
 * order and real time — the constructive half of Herlihy & Wing's locality theorem.
 */
function mergeLinearizations<I, O>(orders: Operation<I, O>[][]): number[] {
  const points: { point: number; part: number; index: number; id: number }[] = [];
  orders.forEach((order, part) => {
    let point = -Infinity;
    order.forEach((op, index) => {
      point = Math.max(point, op.call);
      points.push({ point, part, index, id: op.id });
    });
  });
  points.sort((a, b) => a.point - b.point || a.part - b.part || a.index - b.index);
  return points.map((p) => p.id);
}

function show(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value);
}

/** Fallback wording of one operation: `{"op":"get"} → 3`. */
export function describeOperation<I, O>(op: Operation<I, O>): string {
  const output = show(op.output);
  return output === "" ? show(op.input) : `${show(op.input)} → ${output}`;
}

/** One sentence: what the object is, the operations with their time spans, and the rule they break. */
export function explainIllegal<S, I, O>(model: Model<S, I, O>, minimal: readonly Operation<I, O>[]): string {
  const name = model.name ?? "object";
  const describe = model.describe ? (op: Operation<I, O>) => model.describe!(op) : describeOperation;
  const list = minimal.map((op) => `thread ${op.thread} ${describe(op)} (time ${op.call}–${op.ret})`).join(", ");
  const count = minimal.length === 1 ? "this operation" : `these ${minimal.length} operations`;
  return (
    `No correct ${name} doing one operation at a time explains ${count}: ${list} ` +
    `(an operation that returned before another was called must take effect first) — ` +
    `steps that should be atomic overlapped, as in a check-then-act or read-modify-write without a lock.`
  );
}

export * from "./models";
