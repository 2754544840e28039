// Section (p) of `npm run bench` (issue 17, "exploration uses every core"): schedules per
// second of one `run` exploration on a pool of 1 sandbox process and on a pool of 2, the
// path the CLI takes (workers/explore-parallel.ts), alternated round by round so that a
// noisy shared machine weighs on both alike. The pools are started before the clock (as a
// grading worker's are); each round explores a program with a fresh comment, so no round
// reuses a session a previous one compiled: both pay one compile per process.

import { readFileSync } from "node:fs";
import { SandboxPool } from "../grader/workers/pool";
import { exploreOnPool, type ExploreTask } from "../grader/workers/explore-parallel";

const PROGRAM = `import { Lock, Shared, assert, spawn } from "interleave";
export default async function main() {
  const lock = new Lock("lock");
  const n = new Shared(0, "n");
  const threads = [0, 1, 2, 3].map((k) =>
    spawn(async () => {
      for (let i = 0; i < 25; i++) {
        await lock.acquire();
        await n.set((await n.get()) + 1);
        lock.release();
      }
    }, \`t\${k}\`),
  );
  for (const t of threads) await t.join();
  assert((await n.get()) === 100, "lost an update");
}
`;

export interface ParallelRound {
  jobs: number;
  schedules: number;
  wallMs: number;
  /** CPU time of the pool's sandbox processes (from /proc), null where it cannot be read. */
  cpuMs: number | null;
  perSecond: number;
}

export interface ParallelResult {
  runs: number;
  rounds: ParallelRound[];
  /** Median schedules/s per pool size. */
  median: Record<number, number>;
  /** Median over rounds of (pool 2 ÷ pool 1) wall-clock rates. */
  ratio: number;
  /**
   * 2 × (sandbox CPU on 1 process ÷ on 2), medians: the speedup an otherwise idle 2-core
   * machine would give, what the split costs aside (null without /proc).
   */
  cpuBound: number | null;
  /**
   * The machine's own ceiling for this work: two independent explorations of `runs`
   * schedules side by side (one per process of the pool of 2, no split), their combined
   * rate ÷ one alone, median over rounds. No split can beat it.
   */
  ceiling: number;
  /** Wall time of each round's side-by-side pair, ms. */
  pairWallMs: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** utime + stime of a process in ms (Linux), null when /proc cannot tell. */
function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of proc(5), counted from the state (field 3) here; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function poolCpu(pool: SandboxPool): number | null {
  let total = 0;
  for (const pid of pool.pids) {
    const ms = cpuOf(pid);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

export async function measureParallel(options: { runs: number; rounds: number }): Promise<ParallelResult> {
  const pools = new Map([1, 2].map((jobs) => [jobs, new SandboxPool({ size: jobs, taskTimeoutMs: 600_000 })]));
  const rounds: ParallelRound[] = [];
  const pairWallMs: number[] = [];
  try {
    await Promise.all([...pools.values()].map((p) => p.warmUp()));
    let program = 0;
    const task = (round: number): ExploreTask => ({
      kind: "explore",
      files: [{ name: "program.ts", displayName: "bench.ts", source: `${PROGRAM}// round ${program++}\n` }],
      options: {
        strategy: "portfolio",
        runs: options.runs,
        seed: 1 + round,
        cores: 4,
        maxSteps: 100_000,
        entryModule: "program.ts",
        entryExport: "default",
      },
    });
    for (let round = 0; round < options.rounds; round++) {
      // The ceiling: the pool of 2's processes each explore a whole run of their own at once.
      const pairStarted = performance.now();
      const pair = await Promise.all([0, 1].map(() => exploreOnPool(pools.get(2)!, task(round), { jobs: 1 })));
      if (pair.some((a) => a.kind !== "explored" || a.report.verdict !== "passed"))
        throw new Error("bench (p): the program did not pass side by side");
      pairWallMs.push(performance.now() - pairStarted);
      for (const jobs of round % 2 ? [2, 1] : [1, 2]) {
        const pool = pools.get(jobs)!;
        const cpuBefore = poolCpu(pool);
        const started = performance.now();
        const answer = await exploreOnPool(pool, task(round), { jobs });
        const wallMs = performance.now() - started;
        if (answer.kind !== "explored" || answer.report.verdict !== "passed")
          throw new Error(`bench (p): the program did not pass on ${jobs} process(es): ${answer.kind}`);
        const cpuAfter = poolCpu(pool);
        const schedules = answer.report.schedulesRun;
        rounds.push({
          jobs,
          schedules,
          wallMs,
          cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
          perSecond: schedules / (wallMs / 1000),
        });
      }
    }
  } finally {
    await Promise.all([...pools.values()].map((p) => p.close()));
  }
  const rate = (jobs: number) => rounds.filter((r) => r.jobs === jobs).map((r) => r.perSecond);
  const pairs = rate(1).map((one, i) => rate(2)[i]! / one);
  const cpu = (jobs: number) => rounds.filter((r) => r.jobs === jobs).map((r) => r.cpuMs);
  const known = [...cpu(1), ...cpu(2)].every((ms) => ms !== null && ms > 0);
  return {
    runs: options.runs,
    rounds,
    median: { 1: median(rate(1)), 2: median(rate(2)) },
    ratio: median(pairs),
    cpuBound: known ? (2 * median(cpu(1) as number[])) / median(cpu(2) as number[]) : null,
    ceiling: median(rounds.filter((r) => r.jobs === 1).map((r, i) => (2 * r.wallMs) / pairWallMs[i]!)),
    pairWallMs,
  };
}
