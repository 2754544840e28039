import {
  assert,
  assertLinearizable,
  AtomicInt,
  currentThread,
  Event,
  History,
  models,
  SharedArray,
  spawn,
  type Thread,
} from "interleave";
import { LockFreeStack, type StackMemory } from "./solution";

type StackOp = { op: "push"; value: number } | { op: "pop" };
type StackOut = number | null | undefined;

const NODES = 64;

function newMemory(): StackMemory {
  return {
    top: new AtomicInt(-1, "top"),
    allocated: new AtomicInt(0, "allocated"),
    values: new SharedArray<number>(NODES, "values"),
    next: new SharedArray<number>(new Array<number>(NODES).fill(-1), "next"),
  };
}

/** The values on the stack as `memory` holds it, top first (at most NODES links: a cycle stops the walk). */
async function walk(memory: StackMemory): Promise<number[]> {
  const out: number[] = [];
  for (let node = await memory.top.load(); node !== -1 && out.length <= NODES; node = await memory.next.get(node)) {
    assert(node >= 0 && node < NODES, `top or a next link points at node ${node}, which does not exist`);
    out.push(await memory.values.get(node));
  }
  return out;
}

/**
 * The stack must live in the memory the harness gives it (that memory is what the freeze
 * tests pause): a stack kept in a plain array, whose code between two awaits is atomic
 * anyway, would pass every other test without a single compare-and-swap.
 */
async function assertLivesInMemory(memory: StackMemory, pushes: number): Promise<void> {
  const allocated = await memory.allocated.load();
  assert(
    allocated >= pushes,
    `${pushes} pushes completed but only ${allocated} nodes were allocated in the given memory: keep the stack in \`memory\` (one node per push)`,
  );
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/**
 * Memory whose `top` freezes the thread named `who` forever just before its `at`-th access
 * to `top`, as if the operating system never scheduled it again.
 */
function freezingMemory(who: string, at: number): { memory: StackMemory; frozen: Event } {
  const memory = newMemory();
  const top = memory.top;
  const frozen = new Event("frozen");
  const never = new Event("never");
  let accesses = 0;
  const gate = async () => {
    if (currentThread().name !== who) return;
    accesses++;
    if (accesses === at) {
      await frozen.set();
      await never.wait();
    }
  };
  const wrapped = {
    name: top.name,
    load: async () => (await gate(), top.load()),
    store: async (v: number) => (await gate(), top.store(v)),
    fetchAdd: async (d: number) => (await gate(), top.fetchAdd(d)),
    exchange: async (v: number) => (await gate(), top.exchange(v)),
    compareExchange: async (e: number, d: number) => (await gate(), top.compareExchange(e, d)),
  };
  return { memory: { ...memory, top: wrapped as unknown as AtomicInt }, frozen };
}

/** One thread: last in, first out; null when empty; the stack lives in the memory it is given. */
export async function singleThread() {
  const memory = newMemory();
  const s = new LockFreeStack(memory);
  const empty = await s.pop();
  assert(empty === null, `pop() on an empty stack should return null, got ${String(empty)}`);
  await s.push(7);
  const top = await memory.top.load();
  assert(
    top >= 0 && (await memory.values.get(top)) === 7,
    "after push(7) the top node of the given memory should hold 7: keep the stack in `memory`",
  );
  await s.push(8);
  await s.push(9);
  for (const expected of [9, 8]) {
    const got = await s.pop();
    assert(got === expected, `pop() should return ${expected} (last in, first out), got ${String(got)}`);
  }
  await s.push(10);
  for (const expected of [10, 7, null]) {
    const got = await s.pop();
    assert(got === expected, `pop() should return ${String(expected)}, got ${String(got)}`);
  }
  assert((await memory.top.load()) === -1, "after popping everything, `top` should be -1 again");
}

async function concurrentHistory(threads: number, opsPerThread: number) {
  const memory = newMemory();
  const s = new LockFreeStack(memory);
  let pushes = 0;
  const h = new History<StackOp, StackOut>();
  const workers: Thread[] = [];
  for (let t = 1; t <= threads; t++) {
    workers.push(
      spawn(async () => {
        for (let i = 0; i < opsPerThread; i++) {
          if (i % 3 === 2) {
            await h.record({ op: "pop" }, () => s.pop());
          } else {
            const value = t * 100 + i;
            await h.record({ op: "push", value }, () => s.push(value));
            pushes++;
          }
        }
      }, `Worker-${t}`),
    );
  }
  await joinAll(workers);
  const inMemory = await walk(memory);
  const left: number[] = [];
  for (;;) {
    const v = await h.record({ op: "pop" }, () => s.pop());
    if (v === null) break;
    left.push(v);
    assert(left.length <= threads * opsPerThread, "pop() keeps returning values: the stack's links form a cycle");
  }
  await assertLivesInMemory(memory, pushes);
  assert(
    JSON.stringify(inMemory) === JSON.stringify(left),
    `after the workers ended, the given memory held (top first) ${inMemory.join(", ") || "nothing"}, but pop() returned ${left.join(", ") || "nothing"}: keep the stack in \`memory\``,
  );
  assertLinearizable(models.stack<number>(), h);
  // A lock around push and pop would be linearizable too: lock-freedom is the point.
  if (threads === 4) await othersFinishWhileFrozen("pop");
}

/** Three threads push and pop concurrently: the history must be a stack's. */
export async function linearizable() {
  await concurrentHistory(3, 3);
}

/** More threads, more operations. */
export async function linearizableUnderLoad() {
  await concurrentHistory(4, 4);
}

async function othersFinishWhileFrozen(frozenOp: "push" | "pop") {
  const { memory, frozen } = freezingMemory("Frozen", 2);
  const s = new LockFreeStack(memory);
  if (frozenOp === "pop") for (const v of [1, 2, 3]) await s.push(v);
  spawn(
    async () => {
      if (frozenOp === "push") await s.push(99);
      else await s.pop();
    },
    { name: "Frozen", daemon: true },
  );
  await frozen.wait({ timeout: 1000 });
  const popped: (number | null)[] = [];
  const workers = [1, 2].map((w) =>
    spawn(async () => {
      await s.push(w * 10);
      await s.push(w * 10 + 1);
      popped.push(await s.pop());
      popped.push(await s.pop());
    }, `Worker-${w}`),
  );
  for (const w of workers) {
    await w.join({ timeout: 5000 });
    assert(
      !w.isAlive(),
      `${w.name} could not finish its pushes and pops while the thread 'Frozen' was paused in the middle of ${frozenOp}(): one stalled thread stops everybody, so the stack is not lock-free (a lock held by a paused thread is held forever)`,
    );
  }
  const allowed = new Set([1, 2, 3, 10, 11, 20, 21, 99]);
  const seen = new Set<number>();
  for (const v of popped) {
    assert(
      v !== null,
      `a worker's pop() returned null although the stack cannot be empty then (popped: ${popped.map(String).join(", ")})`,
    );
    assert(allowed.has(v), `pop() returned ${v}, which was never pushed`);
    assert(!seen.has(v), `${v} was popped twice (popped: ${popped.map(String).join(", ")})`);
    seen.add(v);
  }
  // Completed pushes: the three set up before (pop case) and the workers' four.
  await assertLivesInMemory(memory, frozenOp === "pop" ? 7 : 4);
}

/** A thread paused forever in the middle of push() must not stop the others. */
export async function lockFreePush() {
  await othersFinishWhileFrozen("push");
}

/** A thread paused forever in the middle of pop() must not stop the others. */
export async function lockFreePop() {
  await othersFinishWhileFrozen("pop");
}
