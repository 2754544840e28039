import { assert, currentThread, now, work } from "interleave";
import { parallelMap } from "./solution";

const COST = 10;

/** What the harness saw of the calls: how many ran at once, and in which threads. */
interface Seen {
  inFlight: number;
  maxInFlight: number;
  threads: Set<string>;
}

/**
 * The harness's work function: 10 ms of CPU per value; it counts how often each value is
 * seen, in which threads, and how many calls overlap.
 */
function costlySquare(calls: Map<number, number>, seen?: Seen) {
  const main = currentThread().name;
  return async (x: number): Promise<number> => {
    calls.set(x, (calls.get(x) ?? 0) + 1);
    if (seen) {
      seen.threads.add(currentThread().name === main ? "(the calling thread)" : currentThread().name);
      seen.inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    }
    await work(COST);
    if (seen) seen.inFlight--;
    return x * x;
  };
}

async function checkRun(values: number[], threads: number): Promise<void> {
  const calls = new Map<number, number>();
  const seen: Seen = { inFlight: 0, maxInFlight: 0, threads: new Set() };
  const got = await parallelMap(values, threads, costlySquare(calls, seen));
  assert(Array.isArray(got), `parallelMap should resolve to an array, got ${typeof got}`);
  const workers = Math.min(threads, values.length);
  assert(
    seen.threads.size === workers && !seen.threads.has("(the calling thread)"),
    `${values.length} values on ${threads} threads: fn ran in ${seen.threads.size} thread(s) (${[...seen.threads].join(", ")}); every one of ${workers} worker threads should handle a chunk`,
  );
  assert(
    seen.maxInFlight >= Math.min(2, workers),
    `${values.length} values on ${threads} threads: no two calls of fn ever ran at the same time. Start every thread before joining any.`,
  );
  assert(
    got.length === values.length,
    `${values.length} values on ${threads} threads: expected ${values.length} results, got ${got.length}`,
  );
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const n = calls.get(v) ?? 0;
    assert(
      n === 1,
      `${values.length} values on ${threads} threads: value ${v} (index ${i}) was processed ${n} times, expected exactly once`,
    );
    assert(
      got[i] === v * v,
      `${values.length} values on ${threads} threads: result[${i}] should be ${v * v}, got ${String(got[i])}`,
    );
  }
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

export async function sameAsSequential() {
  await checkRun(range(1, 8), 4);
}

export async function runsInParallel() {
  const calls = new Map<number, number>();
  const start = now();
  const got = await parallelMap(range(1, 8), 4, costlySquare(calls));
  const elapsed = now() - start;
  assert(Array.isArray(got) && got.length === 8, "parallelMap should resolve to 8 results");
  // 8 values × 10 ms on 4 threads and 4 cores: 20 ms when the threads overlap, 80 ms when they do not.
  assert(
    elapsed <= 2 * COST,
    `8 values of ${COST} ms each on 4 threads took ${elapsed} ms of virtual time; running in parallel they take ${2 * COST} ms. Did each thread finish before the next one started?`,
  );
}

export async function unevenSplit() {
  await checkRun(range(1, 10), 3);
  await checkRun(range(20, 3), 5);
  await checkRun(range(30, 7), 1);
}

export async function manyThreads() {
  await checkRun(range(1, 12), 6);
}
