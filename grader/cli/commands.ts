// Commands beyond run/replay: grade and validate (speedup joins them with the performance model).

import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadCatalogue, loadExercise, type CatalogueProblem, type LoadedExercise } from "../exercise/load";
import { gradeSolution, type GradeReport } from "../grade/grade";
import { validateExercise, type ExerciseValidation } from "../grade/validate";
import { typecheckExercises } from "../compile/typecheck-exercise";
import { parseArgs, UsageError } from "./args";
import { interleavingTable } from "./format";
import { DEFAULTS, InputError, jobsFlag, readProgram, withPool } from "./input";
import { measureSpeedup } from "../perf/speedup";
import { formatSpeedup } from "../perf/format";
import { plural } from "../grade/plural";

type Io = { out: (s: string) => void; err: (s: string) => void };
type Handler = (argv: string[], io: Io) => Promise<number>;

function loadOne(dir: string): LoadedExercise {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`no exercise folder at ${dir}`);
  const { exercise, problems } = loadExercise(dir);
  if (!exercise)
    throw new InputError(`invalid exercise:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
  return exercise;
}

function gradeJson(r: GradeReport): Record<string, unknown> {
  return {
    exercise: r.exercise,
    verdict: r.verdict,
    score: r.score,
    maxScore: r.maxScore,
    checks: r.checks.map((c) => ({
      id: c.id,
      title: c.title,
      hidden: c.hidden,
      points: c.points,
      earned: c.earned,
      verdict: c.verdict,
      passed: c.verdict === "passed",
      message: c.message,
      feedback: c.verdict === "passed" ? undefined : c.feedback,
      schedulesRun: c.schedulesRun,
      failure: c.failure
        ? {
            strategy: c.failure.strategy,
            seed: c.failure.seed,
            schedule: c.failure.schedule,
            traceHash: c.failure.traceHash,
          }
        : undefined,
      performance: c.performance,
    })),
    failure: r.failure,
    diagnostics: r.diagnostics,
    speedup: speedupOf(r),
  };
}

/** The exercise's speed, from its first speedup or makespan check (null when it measures none). */
function speedupOf(r: GradeReport): Record<string, unknown> | null {
  const c = r.checks.find((x) => x.performance && x.performance.kind !== "latency");
  const p = c?.performance;
  if (!c || !p) return null;
  return {
    check: c.id,
    cores: p.cores,
    t1: p.t1,
    makespan: p.makespan,
    speedup: p.speedup,
    minSpeedup: p.minSpeedup ?? null,
    maxMakespan: p.maxMakespan ?? null,
    serialFraction: p.serialFraction ?? null,
    amdahlLimit: p.amdahlLimit ?? null,
    serialPart: p.serial?.text ?? null,
    passed: p.passed,
  };
}

function formatGrade(r: GradeReport): string {
  const out: string[] = [];
  out.push(`${r.verdict === "passed" ? "✔" : "✘"} ${r.verdict} — score ${r.score}/${r.maxScore}`);
  for (const c of r.checks) {
    out.push(
      `  ${c.verdict === "passed" ? "✔" : "✘"} ${c.title}${c.hidden ? " (hidden)" : ""}: ${c.earned}/${c.points} — ${c.verdict}: ${c.message}`,
    );
    if (c.verdict !== "passed" && c.feedback) out.push(`      ${c.feedback}`);
  }
  for (const d of r.diagnostics ?? []) out.push(`  ${d.file}:${d.line}:${d.column}: ${d.message}`);
  if (r.failure && r.failure.trace.length > 0) {
    out.push("");
    out.push(
      `The following interleaving makes check "${r.failure.check}" fail (${r.failure.strategy}, seed ${r.failure.seed}, ${plural(r.failure.preemptions, "preemption")}):`,
    );
    out.push(interleavingTable(r.failure.trace, r.failure.threads));
  }
  return out.join("\n");
}

/** As the platform grades a submission (server/grading: GRADING_DEADLINE_SECONDS). */
const GRADE_DEADLINE_SECONDS = 60;

const grade: Handler = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, { json: "bool", deadline: "int", jobs: "int" });
  if (positional.length !== 2) throw new UsageError("grade takes EXERCISE_DIR and SOLUTION.ts");
  // The platform's submission deadline (GRADING_DEADLINE_SECONDS, 60 s): what runs out is `timeout`.
  const deadline = flags.deadline === undefined ? GRADE_DEADLINE_SECONDS : Number(flags.deadline);
  if (!Number.isInteger(deadline) || deadline < 1 || deadline > 3600)
    throw new UsageError("--deadline takes whole seconds from 1 to 3600");
  const [dir, file] = positional as [string, string];
  const exercise = loadOne(dir);
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`no such file: ${file}`);
  const source = readFileSync(file, "utf8");
  const report = await withPool(
    (pool) => gradeSolution(pool, exercise, source, path.basename(file), { deadlineMs: deadline * 1000 }),
    jobsFlag(flags),
  );
  io.out(flags.json ? JSON.stringify(gradeJson(report)) : formatGrade(report));
  return report.verdict === "passed" ? 0 : 1;
};

async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

const validate: Handler = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, { json: "bool", jobs: "int" });
  const jobs = jobsFlag(flags);
  let exercises: LoadedExercise[] = [];
  const problems: CatalogueProblem[] = [];
  if (positional.length === 0) {
    const root = path.resolve("exercises");
    if (!existsSync(root))
      throw new InputError(
        `no exercises/ folder in ${process.cwd()} (run from the project root or name exercise folders)`,
      );
    const catalogue = await loadCatalogue(root);
    exercises = catalogue.exercises;
    problems.push(...catalogue.problems);
  } else {
    for (const dir of positional) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`no exercise folder at ${dir}`);
      const r = loadExercise(dir);
      problems.push(...r.problems);
      if (r.exercise) exercises.push(r.exercise);
    }
  }
  const results: ExerciseValidation[] = await withPool(
    (pool) => inParallel(exercises, Math.max(2, jobs), (e) => validateExercise(pool, e)),
    jobs,
  );
  // Every file must also type-check against the runtime's declarations (the editor shows them).
  const typeProblems = typecheckExercises(exercises);
  for (const r of results) {
    const dir = exercises.find((e) => e.manifest.slug === r.slug)!.dir;
    for (const p of typeProblems.filter((x) => x.path.startsWith(dir + path.sep))) {
      r.problems.push(`${path.relative(dir, p.path)}:${p.line}:${p.column}: type error: ${p.message}`);
      r.valid = false;
    }
  }
  const chapters: Record<string, number> = {};
  for (const r of results) chapters[r.chapter] = (chapters[r.chapter] ?? 0) + 1;
  const valid = problems.length === 0 && results.every((r) => r.valid);
  if (flags.json) {
    io.out(JSON.stringify({ valid, exercises: results, chapters, problems }));
  } else {
    for (const r of results) {
      io.out(
        `${r.valid ? "✔" : "✘"} ${r.slug} (chapter ${r.chapter}): reference ${r.reference}, starter ${r.starter.score}/${r.starter.maxScore} (${r.starter.verdict}), ${r.caught}/${r.mutants} mutants caught, ${r.fakesRejected}/${r.fakes.length} fakes rejected${r.alternates.length ? `, ${r.alternatesPassed}/${r.alternates.length} alternates pass` : ""}`,
      );
      for (const f of r.fakes)
        io.out(
          `    ${f.rejected ? "✔" : "✘"} ${f.file} ${f.score}/${f.maxScore} (${f.verdict}): ${f.dodge || "(no header)"}`,
        );
      for (const a of r.alternates)
        io.out(
          `    ${a.passed ? "✔" : "✘"} ${a.file} ${a.score}/${a.maxScore} (${a.verdict}): ${a.approach || "(no header)"}`,
        );
      for (const p of r.problems) io.out(`    ${p}`);
    }
    for (const p of problems) io.out(`✘ ${p.path}: ${p.message}`);
    io.out(
      `${results.filter((r) => r.valid).length}/${results.length} exercises valid; chapters covered: ${Object.keys(chapters).length}/19`,
    );
  }
  return valid ? 0 : 1;
};

/** `interleave speedup FILE.ts --cores 1,2,4,8 [--json] [--gil]`: makespan and speedup per core count. */
const speedup: Handler = async (argv, io) => {
  const { positional, flags } = parseArgs(argv, { cores: "list", json: "bool", gil: "bool", "max-steps": "int" });
  if (positional.length !== 1)
    throw new UsageError("speedup takes exactly one FILE.ts (try: interleave speedup program.ts --cores 1,2,4,8)");
  const cores = (flags.cores as number[] | undefined) ?? [1, 2, 4, 8];
  if (cores.length === 0 || cores.some((p) => !Number.isInteger(p) || p < 1 || p > 1024))
    throw new UsageError("--cores takes core counts from 1 to 1024, e.g. --cores 1,2,4,8");
  const maxSteps = flags["max-steps"] === undefined ? DEFAULTS.maxSteps : (flags["max-steps"] as number);
  if (maxSteps < 1) throw new UsageError("--max-steps must be a whole number ≥ 1");
  const file = positional[0]!;
  const program = readProgram(file);
  const gil = flags.gil === true;
  const outcome = await withPool(
    (pool) =>
      measureSpeedup(pool, [program], {
        cores,
        gil,
        maxSteps,
        entryModule: "program.ts",
        entryExport: "default",
        prefer: program.displayName,
      }),
    Math.min(4, cores.length + 1),
  );
  if (outcome.kind === "failed") {
    if (outcome.answer.kind === "bad-input") throw new InputError(outcome.answer.message);
    const message = `the program fails on its un-stressed schedule on ${plural(outcome.cores, "core")}, so it has no speedup to measure: ${outcome.message}`;
    if (flags.json) io.out(JSON.stringify({ verdict: outcome.verdict, file, cores: outcome.cores, message }));
    else io.out(`✘ ${outcome.verdict}: ${message}`);
    return 1;
  }
  io.out(flags.json ? JSON.stringify({ file, ...outcome.report }) : formatSpeedup(file, outcome.report));
  return 0;
};

export const commands: Record<string, Handler> = { grade, validate, speedup };
