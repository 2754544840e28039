// Section (d) of `npm run bench`: the bundled programs run the way course autograders run
// concurrent code — in plain Node, with random real-timer delays at every operation
// (bench/naive-runtime.ts), rerun until something breaks or the budget runs out. A
// deadlock there is only a run that does not finish: a per-attempt wall timeout.

import ts from "typescript";
import type { BenchProgram } from "./corpus";
import { createNaiveRuntime, type NaiveOptions } from "./naive-runtime";

type ModuleFactory = (
  exports: Record<string, unknown>,
  require: (name: string) => unknown,
  module: { exports: Record<string, unknown> },
) => void;

/** Transpile once (TypeScript → CommonJS) and compile the module body once; evaluate per attempt. */
export function compileForNaive(p: BenchProgram): ModuleFactory {
  const js = ts.transpileModule(p.source, {
    fileName: `${p.name}.ts`,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: false },
  }).outputText;
  return new Function("exports", "require", "module", js) as ModuleFactory;
}

export type NaiveOutcome = "passed" | "assertion" | "error" | "hang";

export interface NaiveAttempt {
  outcome: NaiveOutcome;
  message: string;
  ms: number;
}

export async function runNaiveAttempt(
  factory: ModuleFactory,
  options: NaiveOptions,
  timeoutMs: number,
): Promise<NaiveAttempt> {
  const started = performance.now();
  const rt = createNaiveRuntime(options);
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (name === "interleave") return rt.api;
    throw new Error(`Cannot find module '${name}'`);
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    factory(module.exports, require, module);
    const main = module.exports.default;
    if (typeof main !== "function") return { outcome: "error", message: "no default export main()", ms: 0 };
    const timedOut = new Promise<"hang">((resolve) => {
      timer = setTimeout(() => resolve("hang"), timeoutMs);
    });
    const end = await Promise.race([rt.runMain(main as () => unknown).then(() => "done" as const), timedOut]);
    const ms = performance.now() - started;
    if (end === "hang") return { outcome: "hang", message: `did not finish within ${timeoutMs} ms (deadlock?)`, ms };
    const f = rt.failures[0];
    if (f) return { outcome: f.kind, message: f.message, ms };
    return { outcome: "passed", message: "", ms };
  } catch (error) {
    return {
      outcome: "error",
      message: error instanceof Error ? error.message : String(error),
      ms: performance.now() - started,
    };
  } finally {
    if (timer) clearTimeout(timer);
    rt.cancel();
  }
}

export interface NaiveResult {
  program: string;
  jitter: NaiveOptions["jitter"];
  found: boolean;
  outcome: NaiveOutcome;
  /** Attempts up to and including the first failing one; null when none failed. */
  attemptsToFailure: number | null;
  attempts: number;
  /** Median wall time of one passing attempt. */
  msPerAttempt: number;
  ms: number;
  budgetExhausted: boolean;
}

export interface NaiveBudget {
  attempts: number;
  /** Wall-time budget for one program (attempts stop when it runs out). */
  budgetMs: number;
  /** One attempt that takes longer than this counts as a hang (a deadlock). */
  timeoutMs: number;
  /** Keep going after the first failure (for correct programs: count false alarms). */
  stopAtFirstFailure: boolean;
}

export async function searchNaive(
  p: BenchProgram,
  options: NaiveOptions,
  budget: NaiveBudget,
): Promise<NaiveResult & { failures: number }> {
  const factory = compileForNaive(p);
  const started = performance.now();
  const times: number[] = [];
  let first: NaiveAttempt | null = null;
  let firstIndex: number | null = null;
  let failures = 0;
  let attempts = 0;
  let budgetExhausted = false;
  while (attempts < budget.attempts) {
    if (attempts > 0 && performance.now() - started > budget.budgetMs) {
      budgetExhausted = true;
      break;
    }
    const a = await runNaiveAttempt(factory, options, budget.timeoutMs);
    attempts++;
    if (a.outcome === "passed") {
      times.push(a.ms);
      continue;
    }
    failures++;
    if (!first) {
      first = a;
      firstIndex = attempts;
    }
    if (budget.stopAtFirstFailure) break;
  }
  times.sort((a, b) => a - b);
  return {
    program: p.name,
    jitter: options.jitter,
    found: first !== null,
    outcome: first?.outcome ?? "passed",
    attemptsToFailure: firstIndex,
    attempts,
    msPerAttempt: times.length ? times[times.length >> 1]! : Number.NaN,
    ms: performance.now() - started,
    budgetExhausted,
    failures,
  };
}
