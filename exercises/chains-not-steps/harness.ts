import { assert, currentThread, now, work } from "interleave";
import { measure } from "interleave/harness";
import { runChains } from "./solution";

/** One step of a chain: 1 ms of CPU, and a value that depends on the previous one. */
const mix = (x: number) => (Math.imul(x ^ (x >>> 13), 0x5bd1e995) ^ 0x9e3779b9) >>> 0;

function expected(seed: number, rounds: number): number {
  let x = seed;
  for (let r = 0; r < rounds; r++) x = mix(x);
  return x;
}

/** When the kernel ran: its first call's start and its last call's end, on the virtual clock. */
interface Span {
  first: number;
  last: number;
}

async function checkRun(chains: number, rounds: number, threads: number): Promise<Span> {
  const seeds = Array.from({ length: chains }, (_, i) => 1000 + 17 * i);
  let calls = 0;
  const byThread = new Map<string, number>();
  const span: Span = { first: Infinity, last: -Infinity };
  const step = async (x: number): Promise<number> => {
    calls++;
    const who = currentThread().name;
    byThread.set(who, (byThread.get(who) ?? 0) + 1);
    span.first = Math.min(span.first, now());
    await work(1);
    span.last = Math.max(span.last, now());
    return mix(x);
  };
  const got = await runChains(seeds, rounds, step, threads);
  const what = `${chains} chains of ${rounds} steps on ${threads} threads`;
  assert(Array.isArray(got), `${what}: runChains should resolve to an array, got ${typeof got}`);
  assert(got.length === chains, `${what}: expected ${chains} results, got ${got.length}`);
  for (let i = 0; i < chains; i++) {
    const want = expected(seeds[i]!, rounds);
    assert(
      got[i] === want,
      `${what}: chain ${i} (seed ${seeds[i]}) should end at ${want}, got ${String(got[i])}. Each step needs the value of the step before it.`,
    );
  }
  assert(
    calls === chains * rounds,
    `${what}: step was called ${calls} times, expected ${chains * rounds} (one call per step of every chain)`,
  );
  ranInWorkers(byThread, currentThread().name, Math.min(threads, chains), "step", what);
  return span;
}

/**
 * Who ran the grader's kernel: it must run in the worker threads, shared between them — a
 * computation done by the calling thread (with threads started only to look busy) is not
 * parallel.
 */
function ranInWorkers(
  byThread: Map<string, number>,
  main: string,
  workers: number,
  kernel: string,
  what: string,
): void {
  const total = [...byThread.values()].reduce((a, b) => a + b, 0);
  const fromMain = byThread.get(main) ?? 0;
  assert(
    fromMain === 0,
    `${what}: the calling thread ran ${kernel} ${fromMain} of ${total} times: give the work to the worker threads`,
  );
  const most = Math.max(0, ...byThread.values());
  assert(
    workers <= 1 || most <= (2 * total) / workers,
    `${what}: one thread ran ${kernel} ${most} of ${total} times: share the work between the ${workers} threads`,
  );
}

export async function small() {
  await checkRun(3, 5, 3);
}

/**
 * 8 chains × 25 steps of 1 ms on 4 threads: 200 ms of work, a span of 25 ms. The speedup is
 * the kernel's own: its 200 ms of work over the time from the first step to the last. Workers
 * run one after another while padding threads burn the other cores made T1/T4 look like 4.
 */
export async function manyChains() {
  const span = await checkRun(8, 25, 4);
  measure("steps-speedup", (8 * 25 * 1) / Math.max(span.last - span.first, 1e-9));
}

/** One chain and four threads: the chain is the span, extra threads have nothing to do. */
export async function oneChain() {
  await checkRun(1, 12, 4);
}

export async function uneven() {
  await checkRun(5, 3, 2);
  await checkRun(2, 4, 5);
  await checkRun(3, 0, 2);
  await checkRun(0, 4, 2);
}
