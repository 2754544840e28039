// The speedup report (issue 5; `interleave speedup FILE.ts --cores 1,2,4,8`): the program's
// un-stressed (rr) schedule on each core count, on the deterministic cost model — so the
// same program gives the same numbers on any host. Work T1 is the makespan on one core,
// span T∞ the makespan with unlimited cores; the Karp–Flatt serial fraction at the largest
// core count gives the Amdahl curve, and the scheduler's profile says which lines ran while
// only one thread was computing.

import type { ExploreReport } from "../explore/explore";
import type { SandboxPool } from "../workers/pool";
import type { ProgramFile } from "../isolate/session";
import type { SandboxAnswer } from "../workers/tasks";
import type { ScheduleResult } from "../protocol/types";
import type { Verdict } from "../protocol/verdict";
import { amdahlLimit, amdahlSpeedup, karpFlatt, round6 } from "./amdahl";
import { withRuntimeOptions } from "./runtime-options";
import { serialPart, type SerialPart } from "./serial";

/** "Unlimited" cores for the span: more than any program has threads. */
export const SPAN_CORES = 1 << 20;

export interface SpeedupOptions {
  cores: number[];
  gil?: boolean;
  maxSteps: number;
  entryModule: string;
  entryExport: string;
  /** The file whose lines the serial part should name (the student's). */
  prefer?: string;
}

export interface SpeedupPoint {
  cores: number;
  /** Virtual ms of the rr schedule on this many cores. */
  makespan: number;
  /** T1 / TP. */
  speedup: number | null;
  /** speedup / P. */
  efficiency: number | null;
  /** Karp–Flatt serial fraction measured here (null on 1 core). */
  karpFlatt: number | null;
  /** What Amdahl's law predicts here from the report's serial fraction. */
  amdahl: number | null;
}

export interface SpeedupReport {
  verdict: "passed";
  gil: boolean;
  /** Virtual CPU time of the whole run (work(), computation, copies). */
  work: number;
  /** Makespan on one core. */
  t1: number;
  /** Makespan with unlimited cores (T∞). */
  span: number;
  /** T1 / T∞. */
  parallelism: number | null;
  /** Karp–Flatt serial fraction at the largest core count measured. */
  serialFraction: number | null;
  /** The core count it was measured at. */
  serialFractionCores: number | null;
  /** 1 / serialFraction: the most any number of cores can give. */
  amdahlLimit: number | null;
  points: SpeedupPoint[];
  /** Where the run was serial, on the largest core count. */
  serial: SerialPart | null;
}

export type SpeedupOutcome =
  | { kind: "measured"; report: SpeedupReport; results: Map<number, ScheduleResult | null> }
  | { kind: "failed"; verdict: Verdict; message: string; cores: number; answer: SandboxAnswer };

function rrExplore(files: ProgramFile[], o: SpeedupOptions, cores: number) {
  return {
    kind: "explore" as const,
    files,
    options: {
      strategy: "rr" as const,
      runs: 1,
      seed: 0,
      cores,
      maxSteps: o.maxSteps,
      entryModule: o.entryModule,
      entryExport: o.entryExport,
    },
  };
}

function rrReplay(files: ProgramFile[], o: SpeedupOptions, cores: number) {
  return {
    kind: "replay" as const,
    files,
    options: {
      strategy: "rr" as const,
      seed: 0,
      cores,
      maxSteps: o.maxSteps,
      entryModule: o.entryModule,
      entryExport: o.entryExport,
    },
  };
}

function reportOf(answer: SandboxAnswer): ExploreReport | null {
  return answer.kind === "explored" || answer.kind === "replayed" ? answer.report : null;
}

function failureOf(answer: SandboxAnswer, cores: number): SpeedupOutcome | null {
  const report = reportOf(answer);
  if (report && report.verdict === "passed" && report.makespan !== null) return null;
  if (report) {
    return {
      kind: "failed",
      verdict: report.verdict,
      message: report.failure?.message ?? "the program did not finish",
      cores,
      answer,
    };
  }
  const message =
    "message" in answer
      ? answer.message
      : answer.kind === "compile-error"
        ? answer.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join("\n")
        : answer.kind;
  const verdict: Verdict =
    answer.kind === "compile-error"
      ? "compile-error"
      : answer.kind === "timeout"
        ? "timeout"
        : answer.kind === "crashed" && answer.memory
          ? "memory-limit"
          : "runtime-error";
  return { kind: "failed", verdict, message, cores, answer };
}

/** Run the program's rr schedule on every core count (1 and T∞ included) and read the numbers. */
export async function measureSpeedup(
  pool: SandboxPool,
  programFiles: ProgramFile[],
  o: SpeedupOptions,
): Promise<SpeedupOutcome> {
  const files = withRuntimeOptions(programFiles, { gil: o.gil === true });
  const cores = [...new Set([1, ...o.cores])].sort((a, b) => a - b);
  const largest = cores[cores.length - 1]!;
  const answers = await Promise.all([
    ...cores.map((p) => pool.run(p === largest ? rrReplay(files, o, p) : rrExplore(files, o, p))),
    pool.run(rrExplore(files, o, SPAN_CORES)),
  ]);
  for (let i = 0; i < answers.length; i++) {
    const failed = failureOf(answers[i]!, i < cores.length ? cores[i]! : SPAN_CORES);
    if (failed) return failed;
  }
  const makespans = answers.map((a) => reportOf(a)!.makespan!);
  const t1 = makespans[0]!;
  const span = makespans[cores.length]!;
  const work = reportOf(answers[0]!)!.work;
  const last = answers[cores.length - 1]!;
  const traced = last.kind === "replayed" ? last.result : null;
  const tp = makespans[cores.length - 1]!;
  const e = largest > 1 && tp > 0 ? karpFlatt(t1 / tp, largest) : null;
  const serialFraction = e === null ? null : Math.min(1, Math.max(0, e));
  const points: SpeedupPoint[] = cores.map((p, i) => {
    const m = makespans[i]!;
    const s = m > 0 ? t1 / m : null;
    return {
      cores: p,
      makespan: round6(m),
      speedup: s === null ? null : round6(s),
      efficiency: s === null ? null : round6(s / p),
      karpFlatt: s === null ? null : nullableRound(karpFlatt(s, p)),
      amdahl: serialFraction === null ? null : round6(amdahlSpeedup(serialFraction, p)),
    };
  });
  const report: SpeedupReport = {
    verdict: "passed",
    gil: o.gil === true,
    work: round6(work),
    t1: round6(t1),
    span: round6(span),
    parallelism: span > 0 ? round6(t1 / span) : null,
    serialFraction: nullableRound(serialFraction),
    serialFractionCores: serialFraction === null ? null : largest,
    amdahlLimit: serialFraction === null ? null : serialFraction > 0 ? round6(amdahlLimit(serialFraction)) : null,
    points,
    serial: serialPart(traced?.profile, o.prefer),
  };
  const results = new Map<number, ScheduleResult | null>([[largest, traced]]);
  return { kind: "measured", report, results };
}

function nullableRound(x: number | null): number | null {
  return x === null ? null : round6(x);
}
