// Linearizability checking for harnesses (chapter 16): record each operation on the
// student's data structure with its call and return, then check the history against a
// sequential model (grader/detect/linearizability/linearizability.ts: Wing & Gong with Lowe's memo,
// Porcupine's partitions). Out of budget is a failure that says "unknown", never a pass.

import { sched } from "../../engine/context";
import { AssertionError } from "../errors";
import {
  checkLinearizability,
  counterModel,
  describeOperation,
  mapModel,
  queueModel,
  registerModel,
  setModel,
  stackModel,
  type LinearizabilityResult,
  type Model,
  type Operation,
} from "../../detect/linearizability/linearizability";

export class History<I = unknown, O = unknown> {
  readonly #ops: Operation<I, O>[] = [];
  readonly #names = new Map<number, string>();
  /** Logical time: only one thread runs at a time, so a counter orders calls and returns as they happened. */
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { clock: number } = { clock: 0 };

  constructor() {
    if (new.target === History) Object.freeze(this);
  }

  /** Run `fn` as one operation with `input`; its result is the operation's output. */
  /** An operation that returns nothing (an enqueue, a put) records `undefined` as its output. */
  async record<R extends O | void>(input: I, fn: () => R | Promise<R>): Promise<R> {
    const s = sched();
    const t = s.current;
    if (t === null) throw new Error("History.record() must be called from inside a thread");
    const call = ++this.#m.clock;
    const output = await fn();
    const ret = ++this.#m.clock;
    this.#names.set(t.id, t.name);
    this.#ops.push({ id: this.#ops.length, thread: t.id, input, output: output as O, call, ret });
    return output;
  }

  get length(): number {
    return this.#ops.length;
  }

  operations(): Operation<I, O>[] {
    return this.#ops.map((op) => ({ ...op }));
  }

  threadName(id: number): string {
    return this.#names.get(id) ?? `thread ${id}`;
  }
}

export function checkLinearizable<S, I, O>(
  model: Model<S, I, O>,
  history: History<I, O>,
  options?: { maxSteps?: number },
): LinearizabilityResult<I, O> {
  return checkLinearizability(model, history.operations(), options);
}

/** Fail the schedule unless the history is linearizable; "unknown" fails too (it is not a proof). */
export function assertLinearizable<S, I, O>(
  model: Model<S, I, O>,
  history: History<I, O>,
  options?: { maxSteps?: number },
): void {
  const r = checkLinearizable(model, history, options);
  if (r.result === "ok") return;
  const s = sched();
  let message: string;
  if (r.result === "illegal") {
    const describe = model.describe ? (op: Operation<I, O>) => model.describe!(op) : describeOperation;
    const ops = r.minimal
      .map((op) => `${history.threadName(op.thread)}: ${describe(op)} [${op.call}–${op.ret}]`)
      .join("; ");
    message = `Not linearizable: ${r.explanation.replace(/thread (\d+) /g, (_m, id: string) => `${history.threadName(Number(id))} `)} Minimal history: ${ops}.`;
  } else {
    message = `Linearizability unknown: ${r.reason}. A history this size should be decidable; record fewer operations.`;
  }
  s.fail({ kind: "assertion", message }, s.current, s.siteOf(new Error().stack));
  throw new AssertionError(message);
}

export const models = {
  register: registerModel,
  counter: counterModel,
  queue: queueModel,
  stack: stackModel,
  set: setModel,
  map: mapModel,
};
