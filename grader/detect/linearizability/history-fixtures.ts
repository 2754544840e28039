/**
 * Seeded generators of concurrent histories, for the linearizability tests and benchmark.
 * Threads are simulated: each operation is called, takes effect on a real sequential
 * object at one atomic instant, then returns, with the three events of all threads
 * interleaved at random — so the history is linearizable by construction, with as much
 * overlap as `threads` allows. `corrupt*` then breaks one output in a way no linearization
 * can explain.
 */

import type { Operation } from "./history";
import type { MapInput, MapOutput, QueueInput, QueueOutput } from "./models";

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG (T. Ettinger). Same seed, same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Simulation<S, I, O> {
  init: S;
  nextInput(random: () => number, thread: number): I;
  /** Runs one operation on the sequential object. */
  apply(state: S, input: I): { output: O; state: S };
}

export function simulateHistory<S, I, O>(
  simulation: Simulation<S, I, O>,
  options: { seed: number; threads: number; operations: number },
): Operation<I, O>[] {
  const random = seededRandom(options.seed);
  type Slot = { phase: "idle" } | { phase: "called" | "applied"; op: Operation<I, O> };
  const slots: Slot[] = Array.from({ length: options.threads }, () => ({ phase: "idle" }));
  const history: Operation<I, O>[] = [];
  let state = simulation.init;
  let time = 0;
  let started = 0;
  let finished = 0;
  while (finished < options.operations) {
    const thread = Math.floor(random() * options.threads);
    const slot = slots[thread];
    if (slot.phase === "idle") {
      if (started === options.operations) continue;
      const op: Operation<I, O> = {
        id: started++,
        thread,
        input: simulation.nextInput(random, thread),
        output: undefined as O,
        call: time++,
        ret: -1,
      };
      slots[thread] = { phase: "called", op };
    } else if (slot.phase === "called") {
      const result = simulation.apply(state, slot.op.input);
      state = result.state;
      slot.op.output = result.output;
      slots[thread] = { phase: "applied", op: slot.op };
    } else {
      slot.op.ret = time++;
      history.push(slot.op);
      slots[thread] = { phase: "idle" };
      finished++;
    }
  }
  return history.sort((a, b) => a.id - b.id);
}

export function queueSimulation(): Simulation<number[], QueueInput<number>, QueueOutput<number>> {
  let nextValue = 0;
  return {
    init: [],
    nextInput: (random) => (random() < 0.5 ? { op: "enqueue", value: nextValue++ } : { op: "dequeue" }),
    apply(state, input) {
      if (input.op === "enqueue") return { output: undefined, state: [...state, input.value] };
      if (state.length === 0) return { output: null, state };
      return { output: state[0], state: state.slice(1) };
    },
  };
}

export function mapSimulation(keys: number): Simulation<Map<number, number>, MapInput<number>, MapOutput<number>> {
  let nextValue = 0;
  return {
    init: new Map(),
    nextInput(random) {
      const key = Math.floor(random() * keys);
      const r = random();
      if (r < 0.5) return { op: "get", key };
      if (r < 0.9) return { op: "put", key, value: nextValue++ };
      return { op: "delete", key };
    },
    apply(state, input) {
      const key = input.key as number;
      const output = state.get(key) ?? null;
      if (input.op === "get") return { output, state };
      const next = new Map(state);
      if (input.op === "put") next.set(key, input.value);
      else next.delete(key);
      return { output: input.op === "put" ? undefined : output, state: next };
    },
  };
}

/** Picks the read-like operation nearest the middle of the history satisfying `eligible`. */
function middleOne<I, O>(history: Operation<I, O>[], eligible: (op: Operation<I, O>) => boolean): Operation<I, O> {
  const candidates = history.filter(eligible);
  if (candidates.length === 0) throw new Error("no operation to corrupt");
  return candidates[Math.floor(candidates.length / 2)];
}

/** A dequeue in the middle returns a value nobody enqueued. */
export function corruptQueue(history: Operation<QueueInput<number>, QueueOutput<number>>[]) {
  const copy = history.map((op) => ({ ...op }));
  middleOne(copy, (op) => op.input.op === "dequeue").output = -1;
  return copy;
}

/** A get in the middle returns a value nobody put. */
export function corruptMap(history: Operation<MapInput<number>, MapOutput<number>>[]) {
  const copy = history.map((op) => ({ ...op }));
  middleOne(copy, (op) => op.input.op === "get").output = -1;
  return copy;
}
