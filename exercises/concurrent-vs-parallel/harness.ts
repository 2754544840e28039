import { assert, sleep, work } from "interleave";
import { runAll } from "./solution";

type Job = () => Promise<number>;

/** What job `i` answers: a value the solution cannot guess, so it must really run the job. */
const answer = (i: number) => (i * 2654435761 + 12345) % 1000003;

/** `n` jobs; CPU-bound ones compute for `ms` (a core), I/O-bound ones wait for `ms` (no core). */
function makeJobs(n: number, ms: number, kind: "cpu" | "io", calls: number[]): Job[] {
  return Array.from({ length: n }, (_, i) => async () => {
    calls[i] = (calls[i] ?? 0) + 1;
    if (kind === "cpu") await work(ms);
    else await sleep(ms);
    return answer(i);
  });
}

async function checkRun(n: number, threads: number, ms: number, kind: "cpu" | "io"): Promise<void> {
  const calls: number[] = new Array<number>(n).fill(0);
  const got = await runAll(makeJobs(n, ms, kind, calls), threads);
  const what = `${n} ${kind === "cpu" ? "CPU-bound" : "I/O-bound"} jobs on ${threads} threads`;
  assert(Array.isArray(got), `${what}: runAll should resolve to an array, got ${typeof got}`);
  for (let i = 0; i < n; i++) assert(calls[i] === 1, `${what}: job ${i} ran ${calls[i]} times, expected exactly once`);
  assert(got.length === n, `${what}: expected ${n} results, got ${got.length}`);
  for (let i = 0; i < n; i++)
    assert(
      got[i] === answer(i),
      `${what}: result[${i}] should be job ${i}'s answer ${answer(i)}, got ${String(got[i])}`,
    );
}

/** Six CPU-bound jobs of 5 ms on three threads: every job once, results in order. */
export async function results() {
  await checkRun(6, 3, 5, "cpu");
}

/** Twelve CPU-bound jobs of 10 ms on four threads: measured on 1 and on 4 virtual cores. */
export async function cpuBound() {
  await checkRun(12, 4, 10, "cpu");
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
