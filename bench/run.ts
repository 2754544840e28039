// `npm run bench` (issue 3, "Evidence"): every figure measured in ONE run on this machine.
//   (a) schedules per second, 4 threads × 50 scheduling points, reused context
//   (b) per bundled buggy program and strategy: found within the budget? schedules to the
//       first failure — with the detectors on (as shipped) and off (the schedule alone)
//   (c) the bundled correct programs under the portfolio: zero failures expected
//   (d) the naive baseline: the same programs in plain Node with random real delays
//   (e) the detector benches (bench/detect-*.ts), when present
//   (f) search power (issue 10): bugs that need three exact preemptions or delays, per seed
//   (l) leaderboards (issue 15): 10,000 students' standings, the time a board page costs
//   (p) parallel exploration (issue 17): schedules/s of one `run` on 1 and on 2 sandbox processes
// Longer than ~400 lines on purpose: one driver that runs every section in the same process and
// prints them side by side, so that ratios are measured in one run (the sections' own code lives
// in bench/*.ts; what is here is their wiring and the tables).
// Plain-text tables, then one final line of JSON. The machine is shared and noisy: rates
// are given per CPU-second beside per wall-second, and comparisons as ratios.
// Env: BENCH_QUICK=1 for a smoke run; BENCH_SECTIONS=a,b,c,d,e; see `Env` for the rest.

import os from "node:os";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { buggyPrograms, correctPrograms, type BenchProgram } from "./corpus";
import { searchNaive, type NaiveResult } from "./naive";
import {
  median,
  openSession,
  runExplore,
  searchBug,
  SEARCH_STRATEGIES,
  summarize,
  type SearchResult,
  type StrategySummary,
} from "./search";
import { BEFORE_HARDENING, runtimeBundleAt } from "./hardening";
import { formatSearchPower, measureSearchPower } from "./search-power";
import { benchLeaderboard, formatLeaderboardBench } from "./leaderboard";
import { fmt, formatTable } from "./table";
import { measureParallel } from "./parallel";
import { measureThroughput, medianSliceRatio, POINTS_PER_THREAD, THREADS, type ThroughputResult } from "./throughput";

const flag = z.enum(["0", "1", "true", "false", ""]).transform((v) => v === "1" || v === "true");
const int = z.coerce.number().int().positive();

const Env = z.object({
  BENCH_QUICK: flag.default(false),
  BENCH_SECTIONS: z.string().default("a,b,c,d,e,f,h,l,p"),
  /** Schedules per buggy program and strategy (the issue's budget: 1,000). */
  BENCH_RUNS: int.optional(),
  /** Portfolio schedules per correct program. */
  BENCH_CORRECT_RUNS: int.optional(),
  /** Wall time of each throughput loop. */
  BENCH_THROUGHPUT_MS: int.optional(),
  /** Naive baseline: attempts per buggy program, wall budget per program, per-attempt hang timeout. */
  BENCH_NAIVE_ATTEMPTS: int.optional(),
  BENCH_NAIVE_BUDGET_MS: int.optional(),
  BENCH_NAIVE_TIMEOUT_MS: int.optional(),
  /** Naive baseline: attempts per correct program (false alarms of the shim). */
  BENCH_NAIVE_CORRECT_ATTEMPTS: int.optional(),
});

function settings() {
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    console.error(`bench: bad environment variable ${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const e = parsed.data;
  const q = e.BENCH_QUICK;
  return {
    quick: q,
    sections: new Set(e.BENCH_SECTIONS.split(",").map((s) => s.trim())),
    runs: e.BENCH_RUNS ?? (q ? 200 : 1000),
    correctRuns: e.BENCH_CORRECT_RUNS ?? (q ? 100 : 1000),
    throughputMs: e.BENCH_THROUGHPUT_MS ?? (q ? 300 : 2000),
    naiveAttempts: e.BENCH_NAIVE_ATTEMPTS ?? (q ? 10 : 200),
    naiveBudgetMs: e.BENCH_NAIVE_BUDGET_MS ?? (q ? 1500 : 5000),
    naiveTimeoutMs: e.BENCH_NAIVE_TIMEOUT_MS ?? 1000,
    naiveCorrectAttempts: e.BENCH_NAIVE_CORRECT_ATTEMPTS ?? (q ? 2 : 10),
  };
}

interface Goal {
  name: string;
  goal: string;
  value: string;
  met: boolean;
}

interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const out = (s = "") => process.stdout.write(`${s}\n`);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const heading = (s: string) => out(`\n== ${s} ==`);

// ---- (l) ----------------------------------------------------------------------------------

async function sectionLeaderboard(quick: boolean, goals: Goal[]) {
  const students = quick ? 2_000 : 10_000;
  heading(`(l) leaderboards (issue 15): ${students} students × 5 exercises of standings, a board page's cost`);
  const result = await benchLeaderboard({ students, runs: quick ? 5 : 9 });
  for (const line of formatLeaderboardBench(result)) out(line);
  for (const f of result.figures.filter((f) => f.goalMs !== null))
    goals.push({
      name: `leaderboard: ${f.name}, ${students} students`,
      goal: `< ${f.goalMs} ms`,
      value: `${fmt(f.medianMs, 1)} ms (CPU ${fmt(f.cpuMs, 1)} ms)`,
      met: f.medianMs < f.goalMs!,
    });
  return result;
}

// ---- (p) ----------------------------------------------------------------------------------

async function sectionParallel(quick: boolean, goals: Goal[]) {
  const runs = quick ? 1_000 : 10_000;
  const rounds = quick ? 2 : 4;
  heading(
    `(p) parallel exploration (issue 17): one \`run\` of ${runs} schedules on a pool of 1 and of 2 sandbox processes, ${rounds} rounds alternated`,
  );
  const result = await measureParallel({ runs, rounds });
  out(
    formatTable(
      ["round", "processes", "schedules", "wall s", "sandbox CPU s", "schedules/s"],
      result.rounds.map((r, i) => [
        String(Math.floor(i / 2) + 1),
        String(r.jobs),
        String(r.schedules),
        fmt(r.wallMs / 1000, 2),
        r.cpuMs === null ? "n/a" : fmt(r.cpuMs / 1000, 2),
        fmt(r.perSecond),
      ]),
    ),
  );
  out(
    `Median schedules/s: ${fmt(result.median[1]!)} on 1 process, ${fmt(result.median[2]!)} on 2; 2 ÷ 1 (median over rounds): ${fmt(result.ratio, 2)}× (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`,
  );
  if (result.cpuBound !== null)
    out(
      `Sandbox CPU time, 1 process against 2: on an otherwise idle 2-core machine 2 processes would give ${fmt(result.cpuBound, 2)}× (the split's own cost aside, not the machine's load).`,
    );
  out(
    `The machine's ceiling for this work: two independent runs of ${runs} side by side (one per process, no split) give ${fmt(result.ceiling, 2)}× the rate of one alone (median over rounds; pairs took ${result.pairWallMs.map((ms) => fmt(ms / 1000, 2)).join(", ")} s); the split reaches ${fmt((100 * result.ratio) / result.ceiling)}% of it.`,
  );
  goals.push({
    name: "(p) `run` schedules/s, 2 processes ÷ 1 (issue 17)",
    goal: "≥ 1.8× on 2 cores",
    value: `${fmt(result.ratio, 2)}×`,
    met: result.ratio >= 1.8,
  });
  return result;
}

// ---- (h) ----------------------------------------------------------------------------------

function sectionHardening(ms: number, goals: Goal[]) {
  heading(
    `(h) the cost of the hardening (issue 9): the runtime before it (${BEFORE_HARDENING}) against this tree's, ≥ ${ms} ms each`,
  );
  const before = runtimeBundleAt(BEFORE_HARDENING, ROOT);
  if (before === null) {
    out(`skipped: commit ${BEFORE_HARDENING} is not in this clone's history`);
    return null;
  }
  const results = measureThroughput(
    [
      { label: `before the hardening (${BEFORE_HARDENING})`, strategy: "random", detectors: true, runtime: before },
      { label: "hardened (this tree)", strategy: "random", detectors: true },
    ],
    ms,
  ).map(({ runtime: _runtime, ...r }) => r);
  out(
    formatTable(
      ["runtime", "schedules", "CPU s", "per CPU-second"],
      results.map((r) => [r.label, String(r.schedules), fmt(r.cpuMs / 1000, 2), fmt(r.perCpuSecond)]),
    ),
  );
  const [old, hardened] = results as [ThroughputResult, ThroughputResult];
  const ratio = medianSliceRatio(old, hardened);
  out(`Hardened ÷ before (CPU time per schedule, median over slice pairs): ${fmt(ratio, 2)}×`);
  goals.push({
    name: "(h) hardening cost, CPU time per schedule (issue 9)",
    goal: "≤ 1.10×",
    value: `${fmt(ratio, 2)}×`,
    met: ratio <= 1.1,
  });
  return { results, ratio };
}

// ---- (a) ----------------------------------------------------------------------------------

function sectionThroughput(ms: number, goals: Goal[]) {
  heading(
    `(a) schedules per second: ${THREADS} threads × ${POINTS_PER_THREAD} scheduling points, reused context, Session.runSchedule loop ≥ ${ms} ms`,
  );
  const results = measureThroughput(
    [
      { label: "runtime alone (detectors off)", strategy: "random", detectors: false },
      { label: "as shipped (race + lock-order detectors on)", strategy: "random", detectors: true },
      { label: "rr, detectors on", strategy: "rr", detectors: true },
    ],
    ms,
  );
  out(
    formatTable(
      [
        "configuration",
        "strategy",
        "schedules",
        "wall s",
        "CPU s",
        "per wall-second",
        "per CPU-second",
        "steps/schedule",
      ],
      results.map((r) => [
        r.label,
        r.strategy,
        String(r.schedules),
        fmt(r.wallMs / 1000, 2),
        fmt(r.cpuMs / 1000, 2),
        fmt(r.perWallSecond),
        fmt(r.perCpuSecond),
        String(r.stepsPerSchedule),
      ]),
    ),
  );
  const [off, on] = results as [ThroughputResult, ThroughputResult];
  const overhead = medianSliceRatio(off, on);
  out(
    `One process, one core: "per CPU-second" is the per-core rate; wall rates also count time this process waited for the shared CPU. The configurations ran in alternating 100 ms slices, so they met the same noise.`,
  );
  out(`Detector overhead (CPU time per schedule, on ÷ off, median over slice pairs): ${fmt(overhead, 2)}×`);
  goals.push(
    {
      name: "(a) schedules/s per core, runtime alone (issue 3)",
      goal: "≥ 5000",
      value: fmt(off.perCpuSecond),
      met: off.perCpuSecond >= 5000,
    },
    {
      name: "(a) schedules/s per core, as shipped with detectors",
      goal: "≥ 5000",
      value: fmt(on.perCpuSecond),
      met: on.perCpuSecond >= 5000,
    },
    {
      name: "(a) race-detection overhead on exploration (issue 4)",
      goal: "≤ 2×",
      value: `${fmt(overhead, 2)}×`,
      met: overhead <= 2,
    },
  );
  return { results, detectorOverhead: overhead };
}

// ---- (b) ----------------------------------------------------------------------------------

function cell(r: SearchResult | undefined): string {
  if (!r) return "";
  if (!r.found) return r.exhaustive ? `— (exh. ${r.schedulesRun})` : "—";
  return String(r.schedulesToFailure);
}

function sectionSearch(programs: BenchProgram[], runs: number, goals: Goal[]) {
  const results: SearchResult[] = [];
  const summaries: StrategySummary[] = [];
  for (const detectors of [true, false]) {
    heading(
      `(b) schedules to the first failure within ${runs} — detectors ${detectors ? "ON (as shipped: a detected data race or lock-order cycle fails the schedule)" : "OFF (only an assert, a crash or a real deadlock fails it: the schedule alone must expose the bug)"}`,
    );
    const rows: string[][] = [];
    for (const p of programs) {
      const mine = SEARCH_STRATEGIES.map((s) => searchBug(p, s, runs, detectors));
      results.push(...mine);
      const portfolio = mine[0]!;
      rows.push([p.name, ...mine.map(cell), portfolio.kind ?? "passed", fmt(portfolio.shrunkPreemptions)]);
    }
    out(formatTable(["program", ...SEARCH_STRATEGIES, "portfolio found", "shrunk preemptions"], rows));
    out(
      `"—": not found within ${runs} schedules; dfs uses its default preemption bound (2). Schedule counts include the rr baseline (schedule 1 of the portfolio).`,
    );
    const s = SEARCH_STRATEGIES.map((st) => summarize(results, st, detectors, runs));
    summaries.push(...s);
    out(
      formatTable(
        ["strategy", "found", "share", "median (miss = budget+1)", "median of found"],
        s.map((x) => [
          x.strategy,
          `${x.found}/${x.total}`,
          `${fmt((100 * x.found) / x.total)}%`,
          fmt(x.median, 1),
          fmt(x.medianFound, 1),
        ]),
      ),
    );
    const p = s[0]!;
    const label = detectors ? "as shipped" : "schedule alone, detectors off";
    goals.push(
      {
        name: `(b) portfolio finds every bundled bug within ${runs} (${label})`,
        goal: `${p.total}/${p.total}`,
        value: `${p.found}/${p.total}`,
        met: p.found === p.total,
      },
      {
        name: `(b) portfolio median schedules to first failure (${label})`,
        goal: "≤ 20",
        value: fmt(p.median, 1),
        met: p.median !== null && p.median <= 20,
      },
    );
  }
  // Issue 4's figure, measured on the schedules the search found without detectors (with
  // them most failures are races reported on the rr schedule, with 0 preemptions).
  const shrunk = results.filter((r) => r.strategy === "portfolio" && !r.detectors && r.shrunkPreemptions !== null);
  const small = shrunk.filter((r) => r.shrunkPreemptions! <= 2).length;
  if (shrunk.length > 0) {
    const share = (100 * small) / shrunk.length;
    out(
      `Shrunk counterexamples with ≤ 2 preemptions (portfolio, detectors off): ${small}/${shrunk.length} (${fmt(share)}%)`,
    );
    goals.push({
      name: "(b) shrunk counterexamples with ≤ 2 preemptions (issue 4)",
      goal: "≥ 90%",
      value: `${fmt(share)}%`,
      met: share >= 90,
    });
  }
  return { results, summaries };
}

// ---- (f) ----------------------------------------------------------------------------------

/** Issue 10: bugs that need three exact preemptions or delays, on several seeds. */
function sectionSearchPower(quick: boolean, runs: number, goals: Goal[]) {
  const seeds = quick ? [1, 2] : [1, 2, 3, 4, 5];
  heading(
    `(f) search power (issue 10): bench/search-power, ${runs} schedules, seeds ${seeds.join(", ")}, detectors off`,
  );
  const rows = measureSearchPower(seeds, runs);
  out(formatSearchPower(rows, runs));
  const portfolio = rows.filter((r) => r.strategy === "portfolio");
  const found = portfolio.reduce((n, r) => n + r.found, 0);
  const total = portfolio.reduce((n, r) => n + r.firstFailing.length, 0);
  goals.push({
    name: `(f) portfolio finds each search-power bug within ${runs} on every seed`,
    goal: `${total}/${total}`,
    value: `${found}/${total}`,
    met: found === total,
  });
  return rows;
}

// ---- (c) ----------------------------------------------------------------------------------

function sectionCorrect(programs: BenchProgram[], runs: number, goals: Goal[]) {
  heading(`(c) correct programs: ${runs} portfolio schedules each, detectors on`);
  const rows: { program: string; verdict: string; schedulesRun: number; failure?: string; ms: number }[] = [];
  for (const p of programs) {
    const session = openSession(p);
    const t0 = performance.now();
    try {
      const r = runExplore(session, "portfolio", runs, true);
      rows.push({
        program: p.name,
        verdict: r.verdict,
        schedulesRun: r.schedulesRun,
        failure: r.failure?.message,
        ms: performance.now() - t0,
      });
    } finally {
      session.dispose();
    }
  }
  out(
    formatTable(
      ["program", "verdict", "schedules", "ms", "failure"],
      rows.map((r) => [r.program, r.verdict, String(r.schedulesRun), fmt(r.ms), r.failure ?? ""]),
    ),
  );
  const failed = rows.filter((r) => r.verdict !== "passed").length;
  goals.push({
    name: `(c) correct programs failing within ${runs} portfolio schedules`,
    goal: "0",
    value: `${failed}/${rows.length}`,
    met: failed === 0,
  });
  return rows;
}

// ---- (d) ----------------------------------------------------------------------------------

async function sectionNaive(buggy: BenchProgram[], correct: BenchProgram[], s: ReturnType<typeof settings>) {
  heading(
    `(d) naive baseline: plain Node, no scheduler, a random real delay before every operation; up to ${s.naiveAttempts} attempts or ${s.naiveBudgetMs} ms per program, a run longer than ${s.naiveTimeoutMs} ms counts as a deadlock`,
  );
  const modes = [
    { jitter: "timer" as const, label: "setTimeout(r, Math.random()*2)" },
    { jitter: "immediate" as const, label: "0–3 random setImmediate hops" },
  ];
  const buggyResults: NaiveResult[] = [];
  const correctResults: (NaiveResult & { failures: number })[] = [];
  for (const m of modes) {
    for (const p of buggy) {
      buggyResults.push(
        await searchNaive(
          p,
          { jitter: m.jitter, maxDelayMs: 2 },
          {
            attempts: s.naiveAttempts,
            budgetMs: s.naiveBudgetMs,
            timeoutMs: s.naiveTimeoutMs,
            stopAtFirstFailure: true,
          },
        ),
      );
    }
    for (const p of correct) {
      correctResults.push(
        await searchNaive(
          p,
          { jitter: m.jitter, maxDelayMs: 2 },
          {
            attempts: s.naiveCorrectAttempts,
            budgetMs: s.naiveBudgetMs,
            timeoutMs: s.naiveTimeoutMs,
            stopAtFirstFailure: false,
          },
        ),
      );
    }
  }
  const naiveCell = (r: NaiveResult | undefined) =>
    !r ? "" : r.found ? `${r.attemptsToFailure} (${r.outcome})` : `— (${r.attempts})`;
  out(
    formatTable(
      [
        "program",
        ...modes.map((m) => `${m.jitter}: attempts to failure`),
        ...modes.map((m) => `${m.jitter}: ms/attempt`),
      ],
      buggy.map((p) => {
        const rs = modes.map((m) => buggyResults.find((r) => r.program === p.name && r.jitter === m.jitter));
        return [p.name, ...rs.map(naiveCell), ...rs.map((r) => fmt(r?.msPerAttempt, 1))];
      }),
    ),
  );
  out(`"— (n)": no failure in n attempts. Jitter: ${modes.map((m) => `${m.jitter} = ${m.label}`).join("; ")}.`);
  out(
    `Node truncates timer delays to whole ms and raises 0 to 1, so the timer jitter is 1 ms almost always: little reordering for a lot of wall time.`,
  );
  const summary = modes.map((m) => {
    const mine = buggyResults.filter((r) => r.jitter === m.jitter);
    const found = mine.filter((r) => r.found);
    const falseAlarms = correctResults.filter((r) => r.jitter === m.jitter && r.failures > 0);
    return {
      jitter: m.jitter,
      found: found.length,
      total: mine.length,
      medianAttempts: median(mine.map((r) => r.attemptsToFailure ?? s.naiveAttempts + 1)),
      medianAttemptsFound: median(found.map((r) => r.attemptsToFailure!)),
      wallSeconds: mine.reduce((a, r) => a + r.ms, 0) / 1000,
      correctWithFailures: falseAlarms.map((r) => r.program),
    };
  });
  out(
    formatTable(
      [
        "jitter",
        "found",
        "share",
        "median attempts (miss = budget+1)",
        "median of found",
        "wall s",
        "correct programs failing",
      ],
      summary.map((x) => [
        x.jitter,
        `${x.found}/${x.total}`,
        `${fmt((100 * x.found) / x.total)}%`,
        fmt(x.medianAttempts, 1),
        fmt(x.medianAttemptsFound, 1),
        fmt(x.wallSeconds, 1),
        x.correctWithFailures.length
          ? x.correctWithFailures.join(", ")
          : `none (${s.naiveCorrectAttempts} attempts each)`,
      ]),
    ),
  );
  return { buggy: buggyResults, correct: correctResults, summary };
}

// ---- (e) ----------------------------------------------------------------------------------

async function sectionDetectors(quick: boolean) {
  heading("(e) detector, shrinking and instrumentation benches");
  const here = path.dirname(fileURLToPath(import.meta.url));
  const benches = [
    { file: "detect-linearizability.ts", fn: "benchLinearizability" },
    { file: "detect-happens-before.ts", fn: "benchHappensBefore" },
    // Issue 4: exploration speed with and without the detectors, share of small shrunk counterexamples.
    { file: "grader-detect.ts", fn: "benchDetectorOverhead" },
    { file: "grader-detect.ts", fn: "benchShrinking" },
    // Issue 5: real time of a compute-heavy program with and without cost counting.
    { file: "perf-instrumentation.ts", fn: "benchInstrumentation" },
    // Issue 9: schedules/s under the cost model before and after its hardening, in one run.
    { file: "cost-hardening.ts", fn: "benchCostHardening" },
    // Issue 14: the student-file type check's cost per submission.
    { file: "typecheck-solution.ts", fn: "benchTypecheck" },
  ];
  const results: Record<string, BenchFigure[] | { skipped: string }> = {};
  for (const b of benches) {
    const file = path.join(here, b.file);
    if (!existsSync(file)) {
      out(`${b.file}: missing — skipped`);
      results[b.fn] = { skipped: "missing" };
      continue;
    }
    if (quick) {
      out(`${b.file}: skipped in BENCH_QUICK mode`);
      results[b.fn] = { skipped: "quick" };
      continue;
    }
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const run = mod[b.fn];
    if (typeof run !== "function") {
      out(`${b.file}: no export ${b.fn} — skipped`);
      results[b.fn] = { skipped: `no export ${b.fn}` };
      continue;
    }
    const figures = (await (run as () => Promise<BenchFigure[]>)()) ?? [];
    for (const f of figures) out(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ""}`);
    results[b.fn] = figures;
  }
  return results;
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const s = settings();
  const started = performance.now();
  const goals: Goal[] = [];
  const buggy = buggyPrograms();
  const correct = correctPrograms();
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    node: process.version,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  out(
    `Interleave bench — ${new Date().toISOString()} — ${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, load average ${machine.loadavg.join(" ")}`,
  );
  out(
    `${buggy.length} buggy and ${correct.length} correct programs in grader/programs/bench${s.quick ? " — BENCH_QUICK: reduced budgets, figures are a smoke test only" : ""}`,
  );

  const json: Record<string, unknown> = {
    bench: "interleave",
    date: new Date().toISOString(),
    machine,
    settings: { ...s, sections: [...s.sections] },
  };
  if (s.sections.has("a")) json.throughput = sectionThroughput(s.throughputMs, goals);
  let search: ReturnType<typeof sectionSearch> | undefined;
  if (s.sections.has("b")) json.search = search = sectionSearch(buggy, s.runs, goals);
  if (s.sections.has("c")) json.correct = sectionCorrect(correct, s.correctRuns, goals);
  let naive: Awaited<ReturnType<typeof sectionNaive>> | undefined;
  if (s.sections.has("d")) json.naive = naive = await sectionNaive(buggy, correct, s);
  if (s.sections.has("e")) json.detectors = await sectionDetectors(s.quick);
  if (s.sections.has("h")) json.hardening = sectionHardening(s.throughputMs, goals);
  if (s.sections.has("f")) json.searchPower = sectionSearchPower(s.quick, s.runs, goals);
  if (s.sections.has("l")) json.leaderboard = await sectionLeaderboard(s.quick, goals);
  if (s.sections.has("p")) json.parallel = await sectionParallel(s.quick, goals);

  if (search || naive) {
    heading("summary: bugs found (share) and median schedules/attempts to the first failure");
    const rows: string[][] = [];
    for (const x of search?.summaries ?? []) {
      rows.push([
        `interleave ${x.strategy}, detectors ${x.detectors ? "on" : "off"}`,
        `${x.found}/${x.total}`,
        fmt(x.median, 1),
        String(s.runs),
      ]);
    }
    for (const x of naive?.summary ?? [])
      rows.push([
        `naive plain Node, ${x.jitter} jitter`,
        `${x.found}/${x.total}`,
        fmt(x.medianAttempts, 1),
        String(s.naiveAttempts),
      ]);
    out(formatTable(["approach", "found", "median to failure", "budget"], rows));
  }

  heading("goals");
  out(
    formatTable(
      ["goal", "target", "measured", ""],
      goals.map((g) => [g.name, g.goal, g.value, g.met ? "met" : "MISSED"]),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  out(`\nbench finished in ${fmt(seconds, 1)} s`);
  json.goals = goals;
  json.seconds = Math.round(seconds * 10) / 10;
  // Two decimals are plenty for every figure here and keep the line readable.
  out(
    JSON.stringify(json, (_key, v: unknown) =>
      typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v,
    ),
  );
}

await main();
