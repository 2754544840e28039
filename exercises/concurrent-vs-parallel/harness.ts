import { assert, now, sleep, work } from "interleave";
import { measure } from "interleave/harness";
import { runAll } from "./solution";

type Job = () => Promise<number>;

/** What job `i` answers: a value the solution cannot guess, so it must really run the job. */
const answer = (i: number) => (i * 2654435761 + 12345) % 1000003;

/** When the jobs ran: the first start and the last end, on the virtual clock. */
interface Span {
  first: number;
  last: number;
}

/** `n` jobs; CPU-bound ones compute for `ms` (a core), I/O-bound ones wait for `ms` (no core). */
function makeJobs(n: number, ms: number, kind: "cpu" | "io", calls: number[], span: Span): Job[] {
  return Array.from({ length: n }, (_, i) => async () => {
    calls[i] = (calls[i] ?? 0) + 1;
    span.first = Math.min(span.first, now());
    if (kind === "cpu") await work(ms);
    else await sleep(ms);
    span.last = Math.max(span.last, now());
    return answer(i);
  });
}

async function checkRun(n: number, threads: number, ms: number, kind: "cpu" | "io"): Promise<Span> {
  const calls: number[] = new Array<number>(n).fill(0);
  const span: Span = { first: Infinity, last: -Infinity };
  const got = await runAll(makeJobs(n, ms, kind, calls, span), threads);
  const what = `${n} ${kind === "cpu" ? "CPU-bound" : "I/O-bound"} jobs on ${threads} threads`;
  assert(Array.isArray(got), `${what}: runAll should resolve to an array, got ${typeof got}`);
  for (let i = 0; i < n; i++) assert(calls[i] === 1, `${what}: job ${i} ran ${calls[i]} times, expected exactly once`);
  assert(got.length === n, `${what}: expected ${n} results, got ${got.length}`);
  for (let i = 0; i < n; i++)
    assert(
      got[i] === answer(i),
      `${what}: result[${i}] should be job ${i}'s answer ${answer(i)}, got ${String(got[i])}`,
    );
  return span;
}

/** Six CPU-bound jobs of 5 ms on three threads: every job once, results in order. */
export async function results() {
  await checkRun(6, 3, 5, "cpu");
}

/**
 * Twelve CPU-bound jobs of 10 ms on four threads. The speedup is the jobs' own: their serial
 * cost (120 ms, known here) over the time from the first job's start to the last one's end.
 * A makespan ratio T1/T4 can be padded (idle work in extra threads inflates T1 more than T4);
 * this cannot: the jobs are the harness's.
 */
export async function cpuBound() {
  const n = 12;
  const ms = 10;
  const span = await checkRun(n, 4, ms, "cpu");
  measure("jobs-speedup", (n * ms) / Math.max(span.last - span.first, 1e-9));
}

/** Eight I/O-bound jobs of 50 ms on eight threads: measured on ONE virtual core. */
export async function ioBound() {
  await checkRun(8, 8, 50, "io");
}

/** Counts that do not divide evenly, more threads than jobs, one thread, no jobs. */
export async function uneven() {
  await checkRun(7, 3, 2, "cpu");
  await checkRun(2, 5, 2, "cpu");
  await checkRun(5, 1, 2, "io");
  await checkRun(0, 3, 2, "cpu");
}
