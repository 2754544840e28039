/**
 * Shrinking a non-linearizable history to a small sub-history a student can read.
 *
 * Plain greedy removal (delta debugging, Zeller & Hildebrandt, TSE 2002) is not enough,
 * because illegality is not monotone. Delete `enqueue(2)` from
 * `enqueue(1); enqueue(2); dequeue() → 2` and the rest is still illegal — but now it reads
 * as "2 was never enqueued", which blames the wrong thing. Lincheck avoids this by
 * re-running the smaller scenario; we only have the recorded history, so a sub-history S
 * of the starting history P is accepted only when it is
 *
 *  1. illegal;
 *  2. *supported*: every operation that some legal sub-history of P can explain can also
 *     be explained by a legal sub-history of S (S kept the enqueue the dequeue needs, the
 *     write the read saw, enough increments for the value a `get` returned);
 *  3. *unrepairable*: putting back removed operations of P does not make S legal.
 *
 * (2) and (3) quantify over subsets, so they are approximated by the cheap witnesses a
 * concurrent-data-structure bug usually has: the operation alone, with one other
 * operation, with a time-ordered prefix of the others, or S without one operation (for
 * support); each removed operation alone and each time-ordered prefix of them (for
 * repair). A failed test makes its witnesses required and shrinking restarts.
 *
 * P is the prefix the checker's search needed (everything called before the furthest
 * return it got stuck at). Operations called later were never tried, so none of them can
 * repair P; P is the fallback when the budget runs out before something smaller is
 * confirmed. Every check here runs on the shared, deterministic step budget.
 */

import type { Model, Operation } from "./history";
import { searchLinearization, type SearchBudget } from "./search";

type Ops<I, O> = readonly Operation<I, O>[];

const SMALL_POOL = 16;

export function shrinkIllegal<S, I, O>(
  model: Model<S, I, O>,
  start: Ops<I, O>,
  budget: SearchBudget,
): Operation<I, O>[] {
  const index = new Map(start.map((op, i) => [op, i]));
  const inTimeOrder = (ops: Operation<I, O>[]) => ops.sort((a, b) => index.get(a)! - index.get(b)!);

  // Verdicts by operation set: the support and repair tests ask about the same small sets often.
  const memo = new Map<string, "illegal" | "ok" | "unknown">();
  const relevantOf = new Map<string, Operation<I, O>[]>();
  const check = (ops: Ops<I, O>): "illegal" | "ok" | "unknown" => {
    if (ops.length === 0) return "ok";
    const key = ops.map((op) => index.get(op)).join(",");
    const known = memo.get(key);
    if (known !== undefined && known !== "unknown") return known;
    const outcome = searchLinearization(model, ops, budget);
    if (outcome.kind === "illegal")
      relevantOf.set(
        key,
        outcome.relevant.map((k) => ops[k]),
      );
    memo.set(key, outcome.kind);
    return outcome.kind;
  };
  const legal = (ops: Operation<I, O>[]) => check(inTimeOrder(ops)) === "ok";

  /** Operations of `pool` that, with `op`, form a legal sub-history containing it; null if none found. */
  const support = (op: Operation<I, O>, pool: Ops<I, O>): Operation<I, O>[] | null => {
    if (legal([op])) return [];
    const others = pool.filter((o) => o !== op);
    for (const other of others) if (legal([op, other])) return [other];
    const before = others.filter((o) => o.call < op.ret);
    for (let k = 2; k <= before.length; k++) if (legal([op, ...before.slice(0, k)])) return before.slice(0, k);
    // "All but one" is quadratic, so only for the small pools the final passes look at.
    if (others.length <= SMALL_POOL) {
      for (const other of others) {
        const rest = others.filter((o) => o !== other);
        if (legal([op, ...rest])) return rest;
      }
    }
    return null;
  };
  const supportedInStart = new Map<Operation<I, O>, boolean>();

  /** Why `s` is not an acceptable explanation: operations of P it should keep; null if it is. */
  const objection = (s: Ops<I, O>): Operation<I, O>[] | null => {
    const inS = new Set(s);
    for (const op of s) {
      let inStart = supportedInStart.get(op);
      if (inStart === undefined) supportedInStart.set(op, (inStart = support(op, start) !== null));
      if (!inStart || support(op, s) !== null) continue;
      const witness = support(op, start)!;
      return witness.filter((o) => !inS.has(o));
    }
    const removed = start.filter((op) => !inS.has(op));
    for (const op of removed) if (legal([...s, op])) return [op];
    for (let k = 2; k < removed.length; k++) if (legal([...s, ...removed.slice(0, k)])) return removed.slice(0, k);
    return null;
  };

  /** Chunked greedy removal keeping `required`; each kept candidate is illegal. */
  const greedy = (required: ReadonlySet<Operation<I, O>>): Operation<I, O>[] => {
    let current = [...start];
    let chunk = Math.max(1, Math.ceil(current.length / 2));
    for (;;) {
      let changed = false;
      for (let i = 0; i < current.length && budget.remaining > 0; ) {
        if (current.slice(i, i + chunk).some((op) => required.has(op))) {
          i += chunk;
          continue;
        }
        const candidate = current.slice(0, i).concat(current.slice(i + chunk));
        if (check(candidate) === "illegal") {
          // Also drop what the search never needed, unless that drops a required operation.
          const cut = relevantOf.get(candidate.map((op) => index.get(op)).join(","))!;
          const cutSet = new Set(cut);
          const keep = [...required].every((op) => cutSet.has(op)) ? cutSet : new Set(candidate);
          current = current.filter((op) => keep.has(op));
          changed = true;
        } else {
          i += chunk;
        }
      }
      if (budget.remaining <= 0) return current;
      if (chunk > 1) chunk = Math.ceil(chunk / 2);
      else if (!changed) return current;
    }
  };

  const required = new Set<Operation<I, O>>();
  let best: Operation<I, O>[];
  for (;;) {
    const candidate = greedy(required);
    if (budget.remaining <= 0) return [...start];
    const keep = objection(candidate);
    if (budget.remaining <= 0) return [...start];
    if (keep === null) {
      best = candidate;
      break;
    }
    const before = required.size;
    for (const op of keep) required.add(op);
    if (required.size === before) return [...start]; // cannot happen; never loop forever
  }

  // Required operations were kept wholesale; give each one more chance with the full test.
  for (const op of [...best]) {
    const smaller = best.filter((o) => o !== op);
    if (check(smaller) !== "illegal") continue;
    const keep = objection(smaller);
    if (budget.remaining <= 0) return best;
    if (keep === null) best = smaller;
  }
  return best;
}
