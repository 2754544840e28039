// `npx interleave <command>`: exit 0 passed, 1 a failure was found, 2 bad usage or input.

import type { ExploreReport } from "../explore/explore";
import { hashTrace } from "../explore/explore";
import { EXPLORE_STRATEGIES, type ExploreStrategy, type ReplayStrategy } from "../engine/strategies/portfolio";
import type { SandboxAnswer } from "../workers/tasks";
import { exitCodeOf } from "../protocol/verdict";
import { parseArgs, UsageError, type Parsed } from "./args";
import { DEFAULTS, InputError, jobsFlag, readProgram, withPool } from "./input";
import { exploreOnPool } from "../workers/explore-parallel";
import { formatReplay, formatRun, formatStep, replayCommand, scheduleCommand } from "./format";
import { withRuntimeOptions } from "../perf/runtime-options";

const HELP = `interleave — explore the schedules of concurrent TypeScript programs

Usage:
  interleave run FILE.ts [--strategy portfolio|random|pct|delay|switch|rr|dfs] [--runs N] [--seed S]
                         [--depth D] [--cores P] [--max-steps N] [--gil] [--no-detectors] [--jobs N] [--json]
  interleave replay FILE.ts --strategy S --seed S [--depth D] [--cores P] [--gil] [--no-detectors] [--json]
  interleave replay FILE.ts --schedule 0,1,1,... [--cores P] [--gil] [--no-detectors] [--json]
  interleave replay FILE.ts --schedule 0,1,1,... --stop [--no-detectors] [--json]   (stop after those steps: where each thread stands)
  interleave grade EXERCISE_DIR SOLUTION.ts [--deadline SECONDS] [--jobs N] [--json]
  interleave validate [EXERCISE_DIR ...] [--jobs N] [--json]
  interleave speedup FILE.ts --cores 1,2,4,8 [--gil] [--json]

FILE.ts has a default export \`async function main()\` and imports only from "interleave".
Exit codes: 0 passed, 1 a failure was found, 2 bad usage or input.
Defaults: the portfolio strategy (rr first, then switch in every other schedule, delay,
PCT depths 1-3 and random between them), 1000 runs, seed 1, 4 virtual cores. PCT's depth without
--depth is 1 + seed mod 3, switch's (its number of preemptions) 2-4; dfs's --depth is its
preemption bound (default 2). --jobs: sandbox processes the schedules are spread over
(default: the machine's cores); the first failure is the same whatever their number.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run":
        return await runCommand(rest, io);
      case "replay":
        return await replayCommandMain(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default: {
        // Loaded on demand: grade and validate bring the type checker, which run and replay never need.
        const extra = await import("./commands");
        const handler = extra.commands[command];
        if (!handler) throw new UsageError(`unknown command "${command}" (try: interleave --help)`);
        return await handler(rest, io);
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`interleave: ${error.message}`);
      return 2;
    }
    io.err(`interleave: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

function strategyFlag(flags: Parsed["flags"], allowPortfolio: boolean): ExploreStrategy | undefined {
  const s = flags.strategy;
  if (s === undefined) return undefined;
  const allowed = EXPLORE_STRATEGIES.filter((x) => allowPortfolio || x !== "portfolio");
  if (typeof s !== "string" || !(allowed as readonly string[]).includes(s)) {
    throw new UsageError(`--strategy must be one of ${allowed.join(", ")} (got "${String(s)}")`);
  }
  return s as ExploreStrategy;
}

function positiveInt(flags: Parsed["flags"], name: string, fallback: number, min = 1): number {
  const v = flags[name];
  if (v === undefined) return fallback;
  if (typeof v !== "number" || v < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
  return v;
}

/** Answers that are not a report: compile errors, crashes, watchdog timeouts. */
export function nonReport(answer: SandboxAnswer, json: boolean, io: Io): number | null {
  switch (answer.kind) {
    case "compile-error": {
      const diagnostics = answer.diagnostics;
      if (json)
        io.out(
          JSON.stringify({
            verdict: "compile-error",
            schedulesRun: 0,
            diagnostics,
            message: diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join("\n"),
          }),
        );
      else for (const d of diagnostics) io.out(`✘ compile-error: ${d.file}:${d.line}:${d.column}: ${d.message}`);
      return 1;
    }
    case "crashed":
    case "timeout": {
      const verdict = answer.kind === "timeout" ? "timeout" : answer.memory ? "memory-limit" : "runtime-error";
      if (json)
        io.out(
          JSON.stringify({
            verdict,
            schedulesRun: 0,
            message: answer.message,
            failure: { verdict, message: answer.message, trace: [] },
          }),
        );
      else io.out(`✘ ${verdict}: ${answer.message}`);
      return 1;
    }
    case "bad-input":
      throw new InputError(answer.message);
    default:
      return null;
  }
}

export function runJson(file: string, report: ExploreReport): Record<string, unknown> {
  const f = report.failure;
  return {
    verdict: report.verdict,
    schedulesRun: report.schedulesRun,
    strategy: report.strategy,
    seed: report.seed,
    depth: report.depth,
    cores: report.cores,
    detectors: report.detectors,
    gil: report.gil ?? false,
    makespan: report.makespan,
    work: report.work,
    byStrategy: report.byStrategy,
    exhaustive: report.exhaustive ?? false,
    budgetExhausted: report.budgetExhausted ?? false,
    failingShare: report.failingShare,
    warnings: report.warnings,
    baseline: report.baseline,
    ...(f
      ? {
          failure: {
            verdict: f.verdict,
            kind: f.kind,
            message: f.message,
            file: f.outcome.file,
            line: f.outcome.line,
            thread: f.outcome.thread,
            schedule: f.schedule,
            strategy: f.strategy,
            seed: f.seed,
            depth: f.depth,
            preemptions: f.preemptions,
            steps: f.steps,
            waits: f.outcome.kind === "deadlock" ? f.outcome.waits : undefined,
            cycle: f.outcome.kind === "deadlock" ? f.outcome.cycle : undefined,
            race: f.outcome.kind === "data-race" ? f.outcome.race : undefined,
            lockOrder: f.outcome.kind === "potential-deadlock" ? f.outcome.lockOrder : undefined,
            decisions: f.decisions,
            threads: f.threads,
            trace: f.trace,
            traceHash: f.traceHash,
            replay: replayCommand(file, f, report),
            shrunk: f.shrunk
              ? { ...f.shrunk, replay: scheduleCommand(file, f.shrunk.decisions, report, f) }
              : undefined,
            liveness: f.liveness,
            confirmation: f.confirmation
              ? {
                  ...f.confirmation,
                  replay: f.confirmation.decisions
                    ? scheduleCommand(file, f.confirmation.decisions, report, f)
                    : undefined,
                }
              : undefined,
          },
        }
      : {}),
  };
}

async function runCommand(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, {
    strategy: "string",
    runs: "int",
    seed: "int",
    depth: "int",
    cores: "int",
    "max-steps": "int",
    "no-detectors": "bool",
    gil: "bool",
    jobs: "int",
    json: "bool",
  });
  if (positional.length !== 1) throw new UsageError("run takes exactly one FILE.ts (try: interleave run program.ts)");
  const file = positional[0]!;
  const program = readProgram(file);
  const options = {
    strategy: strategyFlag(flags, true) ?? "portfolio",
    runs: positiveInt(flags, "runs", DEFAULTS.runs),
    seed: positiveInt(flags, "seed", DEFAULTS.seed, 0),
    depth: flags.depth === undefined ? undefined : positiveInt(flags, "depth", 1, flags.strategy === "dfs" ? 0 : 1),
    cores: positiveInt(flags, "cores", DEFAULTS.cores),
    maxSteps: positiveInt(flags, "max-steps", DEFAULTS.maxSteps),
    entryModule: "program.ts",
    entryExport: "default",
    detectors: flags["no-detectors"] !== true,
  };
  const gil = flags.gil === true;
  const jobs = jobsFlag(flags);
  const answer = await withPool(
    (pool) => exploreOnPool(pool, { kind: "explore", files: withRuntimeOptions([program], { gil }), options }),
    jobs,
  );
  const json = flags.json === true;
  const early = nonReport(answer, json, io);
  if (early !== null) return early;
  if (answer.kind !== "explored") throw new Error(`unexpected answer ${answer.kind}`);
  const report = { ...answer.report, gil };
  io.out(json ? JSON.stringify(runJson(file, report)) : formatRun(file, report));
  return exitCodeOf(report.verdict);
}

/** `replay --schedule D --stop`: the "you are the scheduler" step (explore/step.ts). */
async function stepCommandMain(
  file: string,
  program: ReturnType<typeof readProgram>,
  flags: Record<string, string | number | boolean | number[]>,
  io: Io,
): Promise<number> {
  const decisions = flags.schedule as number[] | undefined;
  if (decisions === undefined) throw new UsageError("--stop needs --schedule (the steps so far; --schedule= for none)");
  if (flags.strategy !== undefined || flags.seed !== undefined)
    throw new UsageError("--stop replays a --schedule, not a --strategy and --seed");
  if (decisions.some((d) => d < 0)) throw new UsageError("--schedule names threads by their id, 0 or more");
  const options = {
    decisions,
    cores: positiveInt(flags, "cores", DEFAULTS.cores),
    maxSteps: positiveInt(flags, "max-steps", DEFAULTS.maxSteps),
    entryModule: "program.ts",
    entryExport: "default",
    detectors: flags["no-detectors"] !== true,
  };
  const answer = await withPool((pool) =>
    pool.run({ kind: "step", files: withRuntimeOptions([program], { gil: flags.gil === true }), options }),
  );
  const json = flags.json === true;
  const early = nonReport(answer, json, io);
  if (early !== null) return early;
  if (answer.kind !== "stepped") throw new Error(`unexpected answer ${answer.kind}`);
  const state = answer.state;
  io.out(json ? JSON.stringify(state) : formatStep(file, state));
  return state.verdict !== null && state.verdict !== "passed" ? 1 : 0;
}

async function replayCommandMain(argv: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(argv, {
    strategy: "string",
    seed: "int",
    depth: "int",
    cores: "int",
    "max-steps": "int",
    schedule: "list",
    "no-detectors": "bool",
    gil: "bool",
    json: "bool",
    stop: "bool",
  });
  if (positional.length !== 1) throw new UsageError("replay takes exactly one FILE.ts");
  const file = positional[0]!;
  const program = readProgram(file);
  const decisions = flags.schedule as number[] | undefined;
  if (flags.stop === true) return stepCommandMain(file, program, flags, io);
  const strategy = strategyFlag(flags, false) ?? (decisions ? "dfs" : undefined);
  if (!strategy) throw new UsageError("replay needs --strategy and --seed (from the failure report), or --schedule");
  if (flags.seed === undefined && !decisions) throw new UsageError("replay needs --seed (from the failure report)");
  const options = {
    strategy: strategy as ReplayStrategy,
    seed: positiveInt(flags, "seed", 0, 0),
    depth: flags.depth === undefined ? undefined : positiveInt(flags, "depth", 1, 0),
    cores: positiveInt(flags, "cores", DEFAULTS.cores),
    maxSteps: positiveInt(flags, "max-steps", DEFAULTS.maxSteps),
    entryModule: "program.ts",
    entryExport: "default",
    decisions,
    detectors: flags["no-detectors"] !== true,
  };
  const gil = flags.gil === true;
  const answer = await withPool((pool) =>
    pool.run({ kind: "replay", files: withRuntimeOptions([program], { gil }), options }),
  );
  const json = flags.json === true;
  const early = nonReport(answer, json, io);
  if (early !== null) return early;
  if (answer.kind !== "replayed") throw new Error(`unexpected answer ${answer.kind}`);
  const report = { ...answer.report, gil };
  const result = answer.result;
  const trace = result?.trace ?? [];
  if (json) {
    io.out(
      JSON.stringify({
        ...runJson(file, report),
        trace,
        traceHash: hashTrace(trace),
        threads: result?.threads ?? [],
        decisions: result?.decisions ?? [],
        preemptions: result?.preemptions ?? 0,
        time: result?.time ?? 0,
      }),
    );
  } else {
    io.out(formatReplay(file, report, trace, result?.threads ?? [], decisions !== undefined));
    if (!report.failure) io.out(`Trace hash: ${hashTrace(trace)}`);
  }
  return exitCodeOf(report.verdict);
}
