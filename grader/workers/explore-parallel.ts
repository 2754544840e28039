// One exploration spread over the sandbox pool's processes (issue 17), as Coyote's and
// Shuttle's parallel testers do: the plan's schedule indices are cut into contiguous chunks
// handed out in order to whichever process is free; each process explores its chunk with
// `explore` and stops at its first failure, reporting only the index. planSchedule(i) is a
// pure function of the index, the seed and the depth, so a chunk runs exactly the schedules
// the sequential loop would. The failure kept is the one with the LOWEST index, and every
// chunk below it has run to its end: the first failure is the sequential run's whatever the
// pool size. Chunks above a known failure are not started. That failure is then built once
// (traced replay, shrink, lost update, failing share) by a one-schedule slice at its index.
// dfs (its prefixes depend on the schedules before) and rr (one schedule) stay sequential.

import type { ExploreOptions, ExploreProgress, ExploreReport } from "../explore/explore";
import type { RunOptions, SandboxPool } from "./pool";
import type { SandboxAnswer, SandboxTask } from "./tasks";

export type ExploreTask = Extract<SandboxTask, { kind: "explore" }>;

export interface ParallelRunOptions extends RunOptions {
  /** Processes to spread the exploration over (default: the pool's size; 1 runs it in one task). */
  jobs?: number;
}

/**
 * Fewest schedules in a chunk: each chunk pays a session (compile, isolate) and the
 * un-stressed baseline once, which a few dozen schedules repay.
 */
export const MIN_CHUNK = 25;
/** Chunks per process: enough to even out uneven chunks and to stop soon after a failure. */
const CHUNKS_PER_JOB = 4;
/**
 * About what booting one more sandbox process costs (tsx, isolated-vm; seconds of CPU on a
 * loaded machine): a pool that has not started its processes yet (a cold `interleave run`)
 * starts more only once the exploration's own rate says it has longer than this left.
 */
const BOOT_MS = 3_000;

/** The chunks [from, to) of `runs` schedule indices for `jobs` processes. */
export function chunksOf(runs: number, jobs: number): { from: number; to: number }[] {
  const size = Math.max(MIN_CHUNK, Math.ceil(runs / (jobs * CHUNKS_PER_JOB)));
  const chunks: { from: number; to: number }[] = [];
  for (let from = 0; from < runs; from += size) chunks.push({ from, to: Math.min(runs, from + size) });
  return chunks;
}

function sequential(options: ExploreOptions, jobs: number): boolean {
  return (
    jobs <= 1 ||
    options.strategy === "dfs" ||
    options.strategy === "rr" ||
    options.slice !== undefined ||
    options.runs < 2 * MIN_CHUNK
  );
}

/** Explore `task` on `pool`, over `jobs` processes at once; answers as `pool.run(task)` does. */
export async function exploreOnPool(
  pool: SandboxPool,
  task: ExploreTask,
  options: ParallelRunOptions = {},
): Promise<SandboxAnswer> {
  const { jobs = pool.size, ...runOptions } = options;
  if (sequential(task.options, jobs)) return pool.run(task, runOptions);

  // The time budget counts from the first schedule run, not from the call: under `grade` the
  // checks share the pool, and one still queued behind another has not begun to spend it.
  let started: number | undefined;
  const elapsed = () => (started === undefined ? 0 : performance.now() - started);
  const budget = task.options.timeBudgetMs;
  const chunks = chunksOf(task.options.runs, jobs);
  const done: { from: number; report: ExploreReport }[] = [];
  let aborted: { from: number; answer: SandboxAnswer } | null = null;
  // The first chunk alone until its schedule 0 (the un-stressed baseline) has passed: when it
  // fails (a spin loop to the step limit, a race on the first run) that chunk builds the
  // failure itself and no other process runs the baseline again for nothing (issue 17).
  let gated = true;
  let built: SandboxAnswer | null = null;
  let firstFailure = Infinity;
  let outOfTime = false;
  const live = new Map<number, number>();
  let finishedRuns = 0;
  // Warm processes are used at once; cold ones only when the rest of the run is worth a boot.
  let limit = Math.min(jobs, Math.max(1, pool.pids.length));
  let pump = () => {};
  let first: { at: number; schedulesRun: number } | undefined;
  const progress = (from: number, p: ExploreProgress) => {
    const now = performance.now();
    started ??= now;
    if (gated) {
      gated = false;
      pump();
    }
    live.set(from, p.schedulesRun);
    let schedulesRun = finishedRuns;
    for (const n of live.values()) schedulesRun += n;
    options.onProgress?.({ schedulesRun, runs: task.options.runs, strategy: p.strategy });
    if (limit >= jobs) return;
    first ??= { at: now, schedulesRun };
    const perMs = (schedulesRun - first.schedulesRun) / (now - first.at);
    if (perMs > 0 && (task.options.runs - schedulesRun) / perMs > BOOT_MS) {
      limit = jobs;
      pump();
    }
  };

  await new Promise<void>((resolve, reject) => {
    let next = 0;
    let inFlight = 0;
    pump = () => {
      while (inFlight < (gated ? 1 : limit) && next < chunks.length && !aborted && !outOfTime) {
        const chunk = chunks[next]!;
        // Above a known failure nothing can change the answer.
        if (chunk.from > firstFailure) break;
        const left = budget === undefined ? undefined : budget - elapsed();
        if (left !== undefined && left <= 0) {
          outOfTime = true;
          break;
        }
        next++;
        inFlight++;
        const sliced: ExploreTask = {
          ...task,
          options: {
            ...task.options,
            slice: { ...chunk, locateOnly: true },
            timeBudgetMs: left === undefined ? undefined : Math.max(1, Math.floor(left)),
          },
        };
        pool.run(sliced, { ...runOptions, onProgress: (p) => progress(chunk.from, p) }).then((answer) => {
          started ??= performance.now();
          inFlight--;
          live.delete(chunk.from);
          gated = false;
          if (answer.kind === "explored" && answer.report.failure && chunk.from === 0) {
            // Schedule 0 failed and the first chunk built it (explore.ts): the answer.
            built = answer;
            firstFailure = 0;
            done.push({ from: chunk.from, report: answer.report });
            finishedRuns += answer.report.schedulesRun;
          } else if (answer.kind === "explored") {
            done.push({ from: chunk.from, report: answer.report });
            finishedRuns += answer.report.schedulesRun;
            if (answer.report.failedAt !== undefined) firstFailure = Math.min(firstFailure, answer.report.failedAt);
            if (answer.report.budgetExhausted) outOfTime = true;
          } else if (answer.kind === "timeout" && Date.now() >= (runOptions.deadline ?? Infinity)) {
            // The submission's deadline: what the other chunks explored still stands (timeout).
            outOfTime = true;
          } else if (!aborted || chunk.from < aborted.from) {
            aborted = { from: chunk.from, answer };
          }
          pump();
        }, reject);
      }
      if (inFlight === 0) resolve();
    };
    pump();
  });

  // A chunk the sandbox could not finish (crash, watchdog, bad input) answers for the whole
  // exploration, unless a failure below it was found first.
  const abort = aborted as { from: number; answer: SandboxAnswer } | null;
  if (abort && abort.from <= firstFailure) return abort.answer;
  // Out of time before any chunk could start: the sequential task says so the usual way.
  if (done.length === 0) return pool.run(task, runOptions);
  done.sort((a, b) => a.from - b.from);
  const counted = done.filter((d) => d.from <= firstFailure);
  const merged = mergeCounts(counted.map((d) => d.report));

  const builtHere = built as SandboxAnswer | null;
  if (builtHere) return builtHere;
  if (firstFailure !== Infinity) {
    // Built once, exactly as the sequential loop builds it: a slice starting at the failure.
    const answer = await pool.run(
      { ...task, options: { ...task.options, slice: { from: firstFailure, to: firstFailure + 1 } } },
      runOptions,
    );
    if (answer.kind !== "explored") return answer;
    const report = answer.report;
    return {
      kind: "explored",
      report: {
        ...report,
        schedulesRun: merged.schedulesRun,
        byStrategy: merged.byStrategy,
        warnings: unique([...merged.warnings, ...report.warnings]),
      },
    };
  }

  const report: ExploreReport = { ...counted[0]!.report, ...merged, verdict: "passed" };
  delete report.failedAt;
  delete report.budgetExhausted;
  delete report.elapsedMs;
  if (outOfTime && merged.schedulesRun < task.options.runs) {
    report.budgetExhausted = true;
    report.verdict = "timeout";
    report.elapsedMs = Math.round(elapsed());
  }
  return { kind: "explored", report };
}

function mergeCounts(reports: ExploreReport[]): Pick<ExploreReport, "schedulesRun" | "byStrategy" | "warnings"> {
  const byStrategy: Record<string, number> = {};
  let schedulesRun = 0;
  for (const r of reports) {
    schedulesRun += r.schedulesRun;
    for (const [strategy, n] of Object.entries(r.byStrategy)) byStrategy[strategy] = (byStrategy[strategy] ?? 0) + n;
  }
  return { schedulesRun, byStrategy, warnings: unique(reports.flatMap((r) => r.warnings)) };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
