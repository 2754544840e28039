// Parallel exploration (issue 17): the first failure is the sequential run's whatever the
// pool size, a passing program explores exactly its runs, the time budget still stops it.
// The merge rules are also pinned on a scripted pool, where the order answers arrive in is
// chosen (a later chunk failing first must not win).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExploreOptions, ExploreReport } from "../explore/explore";
import { SandboxPool, type RunOptions } from "./pool";
import { chunksOf, exploreOnPool, MIN_CHUNK, type ExploreTask } from "./explore-parallel";
import type { SandboxAnswer } from "./tasks";
import { exploreSource } from "../testing";

// A check-then-act on atomics: no data race to report, the assert fails only when the reader
// lands between two exact increments of the writer (the portfolio first finds it at 98).
const LATE = `import { AtomicInt, assert, spawn } from "interleave";
export default async function main() {
  const a = new AtomicInt(0, "a");
  const writer = spawn(async () => {
    for (let i = 0; i < 30; i++) await a.fetchAdd(1);
  }, "writer");
  const reader = spawn(async () => {
    for (let i = 0; i < 6; i++) {
      const v = await a.load();
      assert(v !== 13 || i !== 2, \`the reader saw \${v} on read \${i}\`);
    }
  }, "reader");
  await writer.join();
  await reader.join();
}
`;

const LOCKED = `import { Lock, Shared, assert, spawn } from "interleave";
export default async function main() {
  const lock = new Lock("lock");
  const n = new Shared(0, "n");
  const threads = [0, 1, 2].map((k) =>
    spawn(async () => {
      for (let i = 0; i < 10; i++) {
        await lock.acquire();
        await n.set((await n.get()) + 1);
        lock.release();
      }
    }, \`t\${k}\`),
  );
  for (const t of threads) await t.join();
  assert((await n.get()) === 30, "lost an update");
}
`;

function task(source: string, options: Partial<ExploreOptions> = {}): ExploreTask {
  return {
    kind: "explore",
    files: [{ name: "program.ts", displayName: "program.ts", source }],
    options: {
      strategy: "portfolio",
      runs: 200,
      seed: 1,
      cores: 4,
      maxSteps: 100_000,
      entryModule: "program.ts",
      entryExport: "default",
      ...options,
    },
  };
}

function report(answer: SandboxAnswer): ExploreReport {
  if (answer.kind !== "explored") throw new Error(`expected a report, got ${answer.kind}`);
  return answer.report;
}

describe("exploring on 1, 2 and 3 sandbox processes", () => {
  const pool = new SandboxPool({ size: 3, taskTimeoutMs: 120_000 });
  beforeAll(() => pool.warmUp(), 60_000);
  afterAll(() => pool.close());

  it("finds the same first failure, found late, whatever the number of processes", async () => {
    // runs 200 cut into chunks of MIN_CHUNK: the failure is in the fourth chunk, and the
    // chunks after it, running alongside, may find later failures first.
    expect(chunksOf(200, 2)[0]!.to).toBe(MIN_CHUNK);
    const reports = [];
    for (const jobs of [1, 2, 3]) reports.push(report(await exploreOnPool(pool, task(LATE), { jobs })));
    const [one, two, three] = reports;
    expect(one!.failure?.schedule).toBeGreaterThan(MIN_CHUNK * 3);
    for (const r of [two!, three!]) {
      expect(r.failure?.schedule).toBe(one!.failure?.schedule);
      expect(r.failure?.decisions).toEqual(one!.failure?.decisions);
      expect(r.failure?.traceHash).toBe(one!.failure?.traceHash);
      // The whole report, not only the failure: counts, failing share, shrunk schedule.
      expect(r).toEqual(one);
    }
    expect(one!.schedulesRun).toBe(one!.failure!.schedule + 1);
  }, 240_000);

  it("explores exactly `runs` schedules of a passing program, as one process does", async () => {
    const one = report(await exploreOnPool(pool, task(LOCKED), { jobs: 1 }));
    const three = report(await exploreOnPool(pool, task(LOCKED), { jobs: 3 }));
    expect(three.verdict).toBe("passed");
    expect(three.schedulesRun).toBe(200);
    expect(Object.values(three.byStrategy).reduce((a, b) => a + b, 0)).toBe(200);
    expect(three).toEqual(one);
  }, 240_000);

  it("a program that fails on schedule 0: the first chunk builds it alone, the same report", async () => {
    // A spin loop to the step limit: before, every process ran the un-stressed schedule to the
    // limit and a third task replayed it again to build the failure; now one task does all.
    const spin = task(`import { yieldNow } from "interleave";
export default async function main() {
  for (;;) await yieldNow();
}
`);
    const one = report(await exploreOnPool(pool, spin, { jobs: 1 }));
    const slices: unknown[] = [];
    const counting = Object.create(pool) as SandboxPool;
    counting.run = (t, o) => (slices.push((t as ExploreTask).options.slice), pool.run(t, o));
    const two = report(await exploreOnPool(counting, spin, { jobs: 2 }));
    expect(one.failure?.kind).toBe("step-limit");
    expect(two).toEqual(one);
    expect(slices).toEqual([{ from: 0, to: chunksOf(200, 2)[0]!.to, locateOnly: true }]);
  }, 120_000);

  it("stops at the time budget and says so (timeout, not passed)", async () => {
    const runs = 1_000_000;
    const r = report(await exploreOnPool(pool, task(LOCKED, { runs, timeBudgetMs: 1_500 }), { jobs: 2 }));
    expect(r.verdict).toBe("timeout");
    expect(r.budgetExhausted).toBe(true);
    expect(r.schedulesRun).toBeGreaterThan(0);
    expect(r.schedulesRun).toBeLessThan(runs);
    expect(r.elapsedMs).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * A pool that answers slices from a script: `failing` indices fail, chunks answer in the
 * order of `delay(from)`, and a one-schedule slice without locateOnly builds the failure.
 */
function scriptedPool(
  failing: number[],
  delay: (from: number) => number,
  crashAt?: number,
  crash: SandboxAnswer = { kind: "crashed", message: "died", memory: false },
  pids = [101, 102, 103],
) {
  const started: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const pool = {
    size: 2,
    pids,
    run(t: ExploreTask, runOptions: RunOptions = {}): Promise<SandboxAnswer> {
      const slice = t.options.slice!;
      started.push(slice.from);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      // Progress as a worker sends it: a first schedule, then a slow rate (0.1 schedule/ms).
      runOptions.onProgress?.({ schedulesRun: 1, runs: t.options.runs, strategy: "random" });
      setTimeout(() => runOptions.onProgress?.({ schedulesRun: 2, runs: t.options.runs, strategy: "random" }), 10);
      const first = failing.find((i) => i >= slice.from && i < slice.to);
      const end = first === undefined ? slice.to : first + 1;
      const base: ExploreReport = {
        verdict: "passed",
        schedulesRun: end - slice.from,
        strategy: "portfolio",
        seed: 1,
        cores: 4,
        detectors: true,
        makespan: 10,
        work: 0,
        baseline: { kind: "passed", steps: 5 },
        byStrategy: { random: end - slice.from },
        warnings: [],
      };
      let answer: SandboxAnswer = { kind: "explored", report: { ...base, failedAt: first } };
      if (slice.from === crashAt) answer = crash;
      if (!slice.locateOnly)
        answer = { kind: "explored", report: { ...base, verdict: "race", failingShare: { failed: 1, explored: 9 } } };
      return new Promise((resolve) =>
        setTimeout(() => {
          inFlight--;
          resolve(answer);
        }, delay(slice.from)),
      );
    },
  } as unknown as SandboxPool;
  return { pool, started, maxInFlight: () => maxInFlight };
}

describe("merging the chunks", () => {
  const options = { runs: 200, strategy: "random" as const };

  it("keeps the lowest failing index even when a later chunk fails first", async () => {
    // Chunk [25, 50) fails at 30 slowly; chunk [50, 75) fails at 60 at once.
    const { pool, started } = scriptedPool([30, 60], (from) => (from === 25 ? 50 : 1));
    const r = report(await exploreOnPool(pool, task(LATE, options), { jobs: 2 }));
    expect(r.verdict).toBe("race");
    expect(r.schedulesRun).toBe(31);
    expect(r.byStrategy).toEqual({ random: 31 });
    // Built once, at the lowest index; no chunk above the failure started after it was known.
    expect(started.at(-1)).toBe(30);
    expect(started.filter((from) => from > 60)).toEqual([]);
  });

  it("keeps the lowest failing index when a later chunk fails after it", async () => {
    // Three at once: [25, 50) fails at 30, then [50, 75) (started alongside) fails at 60.
    const { pool, started } = scriptedPool([30, 60], (from) => (from === 0 ? 60 : from === 25 ? 10 : 30));
    const r = report(await exploreOnPool(pool, task(LATE, options), { jobs: 3 }));
    expect(started.slice(0, 3)).toEqual([0, 25, 50]);
    expect(r.schedulesRun).toBe(31);
    expect(started.at(-1)).toBe(30);
  });

  it("runs every chunk of a passing program and builds nothing", async () => {
    const { pool, started } = scriptedPool([], () => 1);
    const r = report(await exploreOnPool(pool, task(LATE, options), { jobs: 2 }));
    expect(r.verdict).toBe("passed");
    expect(r.schedulesRun).toBe(200);
    expect(r.failedAt).toBeUndefined();
    expect(started).toEqual(chunksOf(200, 2).map((c) => c.from));
  });

  it("answers a crash below the first failure, and ignores one above it", async () => {
    const below = scriptedPool([60], () => 1, 25);
    expect((await exploreOnPool(below.pool, task(LATE, options), { jobs: 2 })).kind).toBe("crashed");
    const above = scriptedPool([30], (from) => (from === 50 ? 1 : 20), 50);
    expect(report(await exploreOnPool(above.pool, task(LATE, options), { jobs: 2 })).verdict).toBe("race");
  });

  it("keeps what was explored when the submission's deadline stops a chunk", async () => {
    const timeout: SandboxAnswer = { kind: "timeout", message: "not run: out of time" };
    const late = scriptedPool([], (from) => from / 25, 50, timeout);
    const r = report(await exploreOnPool(late.pool, task(LATE, options), { jobs: 2, deadline: Date.now() - 1 }));
    expect(r.verdict).toBe("timeout");
    expect(r.budgetExhausted).toBe(true);
    // The chunks before the one stopped, and any that finished beside it; none after.
    expect(r.schedulesRun).toBeGreaterThanOrEqual(50);
    expect(r.schedulesRun).toBeLessThan(200);
    // Without a deadline behind it, a timeout (the watchdog) answers for the exploration.
    const watchdog = scriptedPool([], (from) => from / 25, 50, timeout);
    expect((await exploreOnPool(watchdog.pool, task(LATE, options), { jobs: 2 })).kind).toBe("timeout");
  });

  it("on a cold pool, starts more processes only when the run is long enough to pay their boot", async () => {
    // 200 schedules at 0.1 per ms: about 2 s left, less than a boot; 2,000: 20 s, more.
    const short = scriptedPool([], () => 30, undefined, undefined, []);
    expect(report(await exploreOnPool(short.pool, task(LATE, options), { jobs: 2 })).schedulesRun).toBe(200);
    expect(short.maxInFlight()).toBe(1);
    const long = scriptedPool([], () => 30, undefined, undefined, []);
    const r = report(await exploreOnPool(long.pool, task(LATE, { ...options, runs: 2_000 }), { jobs: 2 }));
    expect(r.schedulesRun).toBe(2_000);
    expect(long.maxInFlight()).toBe(2);
  });

  it("runs dfs and a single process as one task", async () => {
    const calls: ExploreTask[] = [];
    const spy = {
      size: 2,
      run: (t: ExploreTask) => (calls.push(t), Promise.resolve({ kind: "timeout", message: "x" })),
    };
    await exploreOnPool(spy as unknown as SandboxPool, task(LATE, { ...options, strategy: "dfs" }), { jobs: 2 });
    await exploreOnPool(spy as unknown as SandboxPool, task(LATE, options), { jobs: 1 });
    expect(calls.map((t) => t.options.slice)).toEqual([undefined, undefined]);
  });
});

describe("a chunk of a portfolio run whose un-stressed schedule fails", () => {
  const SPIN = `import { yieldNow } from "interleave";
export default async function main() {
  for (;;) await yieldNow();
}
`;
  const chunk = { from: 50, to: 100, locateOnly: true };

  it("answers schedule 0 (the un-stressed one) at once: the run's first failure wherever the chunk starts", () => {
    const r = exploreSource(SPIN, { strategy: "portfolio", runs: 200, seed: 1, maxSteps: 20_000, slice: chunk });
    expect(r.failedAt).toBe(0);
    expect(r.schedulesRun).toBe(1);
  });

  it("the first chunk builds that failure itself (no other chunk has started)", () => {
    const r = exploreSource(SPIN, {
      strategy: "portfolio",
      runs: 200,
      seed: 1,
      maxSteps: 20_000,
      slice: { from: 0, to: 50, locateOnly: true },
    });
    expect(r.failedAt).toBeUndefined();
    expect(r.failure?.schedule).toBe(0);
    expect(r.failure?.trace.length).toBeGreaterThan(0);
  });

  it("a chunk whose un-stressed schedule passes explores its own schedules as before", () => {
    const r = exploreSource(LATE, { strategy: "portfolio", runs: 200, seed: 1, cores: 4, slice: chunk });
    expect(r.failedAt).toBe(98);
    expect(r.schedulesRun).toBe(98 - chunk.from + 1);
  });
});
