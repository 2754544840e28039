/**
 * The search at the heart of the linearizability checker: Wing & Gong's backtracking over
 * "which pending operation takes effect next" (J. M. Wing and C. Gong, "Testing and
 * verifying concurrent objects", JPDC 17(1), 1993), with Lowe's just-in-time
 * linearization and memoization of (linearized set, model state) pairs (G. Lowe,
 * "Testing for linearizability", Concurrency and Computation 29(4), 2017). The layout —
 * a doubly linked list of call/return entries from which linearized operations are
 * lifted — follows Porcupine's `checkSingle` (A. Athalye, github.com/anishathalye/porcupine).
 *
 * The search is an explicit stack of frames rather than Porcupine's single cursor so that a
 * model may order the candidates (`prioritize`): trying first the operation most likely
 * to be next keeps the search nearly linear on queues, whose concurrent enqueues are
 * otherwise only found to be in the wrong order much later.
 *
 * Budget is counted in candidate tries, so the same history always gets the same answer.
 * Memory grows by one memo entry per successful try (a bitset and a state key).
 */

import type { Model, Operation } from "./history";

/** Steps left; shared by several searches (partitions, shrinking candidates). */
export interface SearchBudget {
  remaining: number;
}

export type SearchOutcome =
  /** `order`: indices into the searched `ops`, in linearization order. */
  | { kind: "ok"; order: number[] }
  /**
   * `relevant`: indices of the operations whose call comes before the furthest return
   * the search got stuck at. The search never tried any later call, so that prefix alone
   * is already non-linearizable — a free first cut for shrinking.
   */
  | { kind: "illegal"; relevant: number[] }
  | { kind: "unknown" };

interface Entry {
  op: number;
  /** Position in time order, for the `relevant` cut. */
  position: number;
  /** On a call entry, its return entry; null on a return entry. */
  match: Entry | null;
  prev: Entry | null;
  next: Entry | null;
}

/** Default memo key: values are compared by their JSON form (insertion order is deterministic). */
export function defaultStateKey(state: unknown): string {
  if (state === null || typeof state !== "object") return `${typeof state}:${String(state)}`;
  return JSON.stringify(state);
}

/** fmix32 from MurmurHash3: spreads op indices so XOR-ing them is a good set hash. */
function mix(x: number): number {
  let h = (x + 0x9e3779b9) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Calls and returns in time order. At equal timestamps calls come first, so two
 * operations that touch at one instant count as overlapping (Porcupine does the same):
 * the checker never demands an order the timestamps do not prove.
 */
function buildEntries<I, O>(ops: readonly Operation<I, O>[]): Entry {
  const events: { time: number; isCall: boolean; op: number }[] = [];
  ops.forEach((op, i) => {
    events.push({ time: op.call, isCall: true, op: i });
    events.push({ time: op.ret, isCall: false, op: i });
  });
  events.sort((a, b) => a.time - b.time || (a.isCall === b.isCall ? a.op - b.op : a.isCall ? -1 : 1));
  const head: Entry = { op: -1, position: -1, match: null, prev: null, next: null };
  const returns: Entry[] = [];
  const calls: Entry[] = [];
  let last = head;
  events.forEach((ev, position) => {
    const entry: Entry = { op: ev.op, position, match: null, prev: last, next: null };
    last.next = entry;
    last = entry;
    if (ev.isCall) calls[ev.op] = entry;
    else returns[ev.op] = entry;
  });
  for (let i = 0; i < ops.length; i++) calls[i].match = returns[i];
  return head;
}

/** Takes a call entry and its return out of the list (they stay linked to their neighbours). */
function lift(entry: Entry): void {
  entry.prev!.next = entry.next;
  entry.next!.prev = entry.prev;
  const match = entry.match!;
  match.prev!.next = match.next;
  if (match.next !== null) match.next.prev = match.prev;
}

/** Undoes `lift`; valid because lifts are undone in LIFO order. */
function unlift(entry: Entry): void {
  const match = entry.match!;
  match.prev!.next = match;
  if (match.next !== null) match.next.prev = match;
  entry.prev!.next = entry;
  entry.next!.prev = entry;
}

export function searchLinearization<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
  budget: SearchBudget,
): SearchOutcome {
  if (ops.length === 0) return { kind: "ok", order: [] };
  const keyOf = model.key ? (s: S) => model.key!(s) : defaultStateKey;
  const priority = model.prioritize ? model.prioritize(ops) : null;
  const head = buildEntries(ops);
  const linearized = new Uint32Array((ops.length + 31) >>> 5);
  let hash = 0;
  let left = ops.length;
  // Lowe's memo: a (linearized set, state) pair seen before cannot lead anywhere new.
  const seen = new Map<string, Uint32Array[]>();

  /** One node of the search: the state so far and the operations that may take effect next. */
  interface Frame {
    state: S;
    /** Not-yet-linearized calls before the first pending return (at most one per thread). */
    candidates: Entry[];
    next: number;
    /** The candidate currently lifted below this frame. */
    chosen: Entry | null;
    /** Position of that first pending return: no candidate here is called after it. */
    stuckAt: number;
  }
  const frameFor = (state: S): Frame => {
    const candidates: Entry[] = [];
    let e = head.next!;
    while (e.match !== null) {
      candidates.push(e);
      e = e.next!;
    }
    if (priority !== null) candidates.sort((a, b) => priority[a.op] - priority[b.op] || a.position - b.position);
    return { state, candidates, next: 0, chosen: null, stuckAt: e.position };
  };

  const frames: Frame[] = [frameFor(model.init())];
  let furthestStuck = -1;
  for (;;) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.candidates.length) {
      // Every candidate failed or led to a dead end: backtrack.
      if (frame.stuckAt > furthestStuck) furthestStuck = frame.stuckAt;
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent === undefined) {
        const relevant: number[] = [];
        for (let e: Entry | null = head.next; e !== null; e = e.next) {
          if (e.match !== null && e.position < furthestStuck) relevant.push(e.op);
        }
        return { kind: "illegal", relevant };
      }
      const undone = parent.chosen!;
      parent.chosen = null;
      unlift(undone);
      linearized[undone.op >>> 5] &= ~(1 << (undone.op & 31));
      hash = (hash ^ mix(undone.op)) >>> 0;
      left++;
      continue;
    }
    if (--budget.remaining < 0) return { kind: "unknown" };
    const entry = frame.candidates[frame.next++];
    const op = ops[entry.op];
    const result = model.step(frame.state, op.input, op.output);
    if (!result.ok) continue;
    const word = entry.op >>> 5;
    const bit = 1 << (entry.op & 31);
    linearized[word] |= bit;
    const nextHash = (hash ^ mix(entry.op)) >>> 0;
    const key = `${nextHash}|${keyOf(result.state)}`;
    const bucket = seen.get(key);
    if (bucket !== undefined && bucket.some((b) => sameBits(b, linearized))) {
      linearized[word] &= ~bit;
      continue;
    }
    if (bucket === undefined) seen.set(key, [linearized.slice()]);
    else bucket.push(linearized.slice());
    hash = nextHash;
    lift(entry);
    frame.chosen = entry;
    if (--left === 0) return { kind: "ok", order: frames.map((f) => f.chosen!.op) };
    frames.push(frameFor(result.state));
  }
}
