// An exercise check that asks for speed (issue 5): once the check is correct on every
// schedule of its budget, its un-stressed (rr) schedule is measured on the virtual machine —
// the makespan on `cores` cores, the same check on one core for the speedup, or a latency
// metric — and a miss is `too-slow` with an explanation a student can act on: the serial
// fraction (Karp–Flatt), what Amdahl's law then allows, and the lines that ran serially.

import type { ExerciseCheck } from "../exercise/manifest";
import type { MetricSummary, ScheduleResult } from "../protocol/types";
import type { SandboxPool } from "../workers/pool";
import type { ProgramFile } from "../isolate/session";
import type { SandboxAnswer } from "../workers/tasks";
import { amdahlLimit, amdahlSpeedup, karpFlatt, maxSerialFraction, round6 } from "./amdahl";
import { serialPart, type SerialPart } from "./serial";
import { utilisationStrip, type UtilisationStrip } from "./utilisation-strip";

export interface CheckPerformance {
  kind: "speedup" | "makespan" | "latency";
  passed: boolean;
  message: string;
  cores: number;
  /** Virtual ms of the rr schedule on `cores` cores. */
  makespan: number;
  /** Virtual ms of the rr schedule on one core. */
  t1?: number;
  speedup?: number;
  minSpeedup?: number;
  maxMakespan?: number;
  /** Karp–Flatt serial fraction on `cores` cores. */
  serialFraction?: number | null;
  /** 1 / serialFraction (null: no limit). */
  amdahlLimit?: number | null;
  serial?: SerialPart | null;
  /** Computation ran serially in code the student cannot see (the exercise's own functions). */
  serialElsewhere?: boolean;
  metric?: string;
  latency?: MetricSummary | null;
  /** What each thread did over the measured schedule on `cores` cores (busy, waiting for a core, the GIL, a lock...). */
  utilisation?: UtilisationStrip | null;
}

export type PerformanceOutcome =
  | { kind: "measured"; performance: CheckPerformance }
  | { kind: "failed"; answer: SandboxAnswer; message: string };

interface Measure {
  files: ProgramFile[];
  entryModule: string;
  entryExport: string;
  maxSteps: number;
  /** Whose lines the serial part names. */
  solutionName: string;
}

const fmt = (x: number, digits = 2) => Number(x.toFixed(digits)).toString();

function rr(m: Measure, cores: number, traced: boolean) {
  const options = {
    strategy: "rr" as const,
    seed: 0,
    cores,
    maxSteps: m.maxSteps,
    entryModule: m.entryModule,
    entryExport: m.entryExport,
  };
  return traced
    ? { kind: "replay" as const, files: m.files, options }
    : { kind: "explore" as const, files: m.files, options: { ...options, runs: 1 } };
}

function timeOf(answer: SandboxAnswer): number | null {
  if (answer.kind !== "explored" && answer.kind !== "replayed") return null;
  return answer.report.verdict === "passed" ? answer.report.makespan : null;
}

export async function measureCheck(
  pool: SandboxPool,
  check: ExerciseCheck,
  cores: number,
  m: Measure,
): Promise<PerformanceOutcome> {
  const kind = check.kind as CheckPerformance["kind"];
  // A speedup the harness measures on its own kernel needs no run on one core: the harness
  // knows the kernel's serial cost (docs/exercises.md, "Parallelism is measured on a harness-owned kernel").
  const onKernel = kind === "speedup" && check.metric !== undefined;
  const [atP, atOne] = await Promise.all([
    pool.run(rr(m, cores, true)),
    kind === "latency" || onKernel ? null : pool.run(rr(m, 1, false)),
  ]);
  const tp = timeOf(atP);
  const result: ScheduleResult | null = atP.kind === "replayed" ? atP.result : null;
  if (tp === null || !result)
    return {
      kind: "failed",
      answer: atP,
      message: "the check did not finish on its un-stressed schedule when measured",
    };
  const base: CheckPerformance = {
    kind,
    passed: true,
    message: "",
    cores,
    makespan: round6(tp),
    utilisation: utilisationStrip(result.utilisation, tp),
  };
  if (kind === "latency") return { kind: "measured", performance: latencyVerdict(base, check, result) };
  if (onKernel) return { kind: "measured", performance: kernelSpeedupVerdict(base, check, result, m.solutionName) };
  const t1 = atOne ? timeOf(atOne) : null;
  if (t1 === null)
    return { kind: "failed", answer: atOne!, message: "the check did not finish on one core when measured" };
  const speedup = tp > 0 ? t1 / tp : 1;
  const e = cores > 1 ? karpFlatt(speedup, cores) : null;
  const serialFraction = e === null ? null : Math.min(1, Math.max(0, e));
  const perf: CheckPerformance = {
    ...base,
    t1: round6(t1),
    speedup: round6(speedup),
    serialFraction: serialFraction === null ? null : round6(serialFraction),
    amdahlLimit: serialFraction === null || serialFraction === 0 ? null : round6(amdahlLimit(serialFraction)),
    serial: serialPart(result.profile, m.solutionName, true),
    serialElsewhere: serialPart(result.profile, m.solutionName, true) === null && serialPart(result.profile) !== null,
  };
  if (kind === "speedup") {
    perf.minSpeedup = check.minSpeedup!;
    perf.passed = speedup >= check.minSpeedup!;
    perf.message = perf.passed
      ? `speedup ${fmt(speedup)}× on ${cores} cores (this check needs ${check.minSpeedup}×)`
      : `Speedup ${fmt(speedup)}× on ${cores} cores (${fmt(tp, 3)} virtual ms; ${fmt(t1, 3)} on 1 core): this check needs ${check.minSpeedup}×. ${explain(perf, check.minSpeedup!)}`;
  } else {
    perf.maxMakespan = check.maxMakespan!;
    perf.passed = tp <= check.maxMakespan!;
    perf.message = perf.passed
      ? `${fmt(tp, 3)} virtual ms on ${cores} cores (this check allows ${check.maxMakespan})`
      : `Took ${fmt(tp, 3)} virtual ms on ${cores} cores: this check allows ${check.maxMakespan}. On one core it takes ${fmt(t1, 3)} ms (speedup ${fmt(speedup)}×). ${
          result.work / cores > check.maxMakespan!
            ? `Its ${fmt(result.work, 3)} ms of computation take at least ${fmt(result.work / cores, 3)} ms even perfectly parallel on ${cores} cores: the program does more work than the exercise needs.`
            : result.work < tp / 2
              ? `Most of that time is spent waiting (sleeps, I/O, locks, copies), not computing (${fmt(result.work, 3)} ms of CPU): do the waits at the same time — more of them in flight at once.`
              : explain(perf, t1 / check.maxMakespan!)
        }`;
  }
  return { kind: "measured", performance: perf };
}

/**
 * The speedup of a harness-owned kernel, as the harness measured it (`measure(metric, serial ÷ span)`):
 * its smallest value is the check's speedup. Work outside the kernel changes nothing.
 */
function kernelSpeedupVerdict(
  base: CheckPerformance,
  check: ExerciseCheck,
  result: ScheduleResult,
  solutionName: string,
): CheckPerformance {
  const metric = check.metric!;
  const min = check.minSpeedup!;
  const measured = result.metrics?.[metric] ?? null;
  const perf: CheckPerformance = { ...base, metric, minSpeedup: min };
  if (!measured) {
    perf.passed = false;
    perf.message = `the exercise's kernel never finished a measured run ("${metric}" was not recorded), so its speedup cannot be checked`;
    return perf;
  }
  const speedup = measured.min;
  const e = base.cores > 1 ? karpFlatt(speedup, base.cores) : null;
  const serialFraction = e === null ? null : Math.min(1, Math.max(0, e));
  Object.assign(perf, {
    speedup: round6(speedup),
    serialFraction: serialFraction === null ? null : round6(serialFraction),
    amdahlLimit: serialFraction === null || serialFraction === 0 ? null : round6(amdahlLimit(serialFraction)),
    serial: serialPart(result.profile, solutionName, true),
    serialElsewhere: serialPart(result.profile, solutionName, true) === null && serialPart(result.profile) !== null,
  });
  perf.passed = speedup >= min;
  perf.message = perf.passed
    ? `speedup ${fmt(speedup)}× of the exercise's own kernel on ${base.cores} cores (this check needs ${min}×)`
    : `Speedup ${fmt(speedup)}× of the exercise's own kernel on ${base.cores} cores (its serial cost over the time from its first call to its last return): this check needs ${min}×. Time spent outside the kernel does not count: run its calls at the same time. ${explain(perf, min)}`;
  return perf;
}

/** Why the program is that slow, in Amdahl's terms, and where to look. */
function explain(p: CheckPerformance, target: number): string {
  const out: string[] = [];
  const e = p.serialFraction;
  if (e !== null && e !== undefined) {
    const limit = e > 0 ? `${fmt(1 / e)}× on any number of cores` : "no limit";
    out.push(
      `Serial fraction ${fmt(e)} (Karp–Flatt): Amdahl caps you at ${fmt(amdahlSpeedup(e, p.cores))}× on ${p.cores} cores and ${limit}` +
        (target > 1 && target <= p.cores
          ? `; reaching ${fmt(target)}× needs a serial fraction of at most ${fmt(maxSerialFraction(target, p.cores))}.`
          : "."),
    );
  }
  if (p.serial && p.serial.total > 0) {
    out.push(
      `The serial part is ${p.serial.text}: ${fmt(p.serial.total, 3)} of the ${fmt(p.makespan, 3)} virtual ms ran with only one thread computing.`,
    );
  } else if (p.serialElsewhere) {
    out.push(
      "The serial computation is in the exercise's functions your code calls: call them from several threads (or processes) at once instead of one after another.",
    );
  } else if (e !== null && e !== undefined && e > 0) {
    out.push(
      "No line ran with only one thread computing: the time goes to waiting (sleeps, locks, copies between processes), not to a serial computation.",
    );
  }
  return out.join(" ");
}

function latencyVerdict(base: CheckPerformance, check: ExerciseCheck, result: ScheduleResult): CheckPerformance {
  const metric = check.metric ?? "request";
  const m = result.metrics?.[metric] ?? null;
  const perf: CheckPerformance = { ...base, metric, latency: m };
  if (!m) {
    perf.passed = false;
    perf.message = `no measurements of "${metric}" were recorded (did the server answer any request?), so its latency cannot be checked`;
    return perf;
  }
  const limits: [string, number | undefined, number][] = [
    ["mean", check.maxMean, m.mean],
    ["p50", check.maxP50, m.p50],
    ["p95", check.maxP95, m.p95],
    ["max", check.maxLatency, m.max],
  ];
  const missed = limits.filter(([, limit, value]) => limit !== undefined && value > limit);
  const summary = `${metric} latency over ${m.count} requests: mean ${fmt(m.mean, 3)}, p50 ${fmt(m.p50, 3)}, p95 ${fmt(m.p95, 3)}, max ${fmt(m.max, 3)} virtual ms on ${base.cores} cores`;
  perf.passed = missed.length === 0;
  perf.message = perf.passed
    ? summary
    : `${missed.map(([name, limit, value]) => `${name} ${fmt(value, 3)} ms is over the limit of ${limit} ms`).join("; ")} (${summary}). Requests wait when the server handles them one at a time or blocks the whole loop; serve clients concurrently and keep slow work off the path of the others.`;
  return perf;
}
