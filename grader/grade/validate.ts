// `interleave validate`: an exercise proves itself (Kattis's verifyproblem) three ways: the
// reference passes every check on every schedule of the budget, every mutant gets exactly the
// verdict it declares, and every fake — a solution that dodges the exercise instead of solving
// it (issue 12) — scores under half the points. The unchanged starter earns at most 30%. And
// every alternate — another correct solution, written differently — scores full points: a check
// tightened against fakes must not fail a correct solution (a false alarm).

import type { LoadedExercise } from "../exercise/load";
import { checkTargetInPool } from "./target";
import type { SandboxPool } from "../workers/pool";
import { gradeSolution, type GradeReport } from "./grade";

/** "passes a, b" — which checks a solution got its points from, so the author knows what to tighten. */
function passedChecks(report: GradeReport): string {
  const passed = report.checks.filter((c) => c.earned > 0).map((c) => c.id);
  return passed.length ? `passes ${passed.join(", ")}` : "passes no check";
}

export interface MutantOutcome {
  file: string;
  expected: string;
  got: string;
  caught: boolean;
  bug: string;
}

export interface FakeOutcome {
  file: string;
  /** The dodge its header names (`// Fake: ...`); "" when the header is missing. */
  dodge: string;
  score: number;
  maxScore: number;
  verdict: string;
  /** Scored under half the points. */
  rejected: boolean;
}

export interface AlternateOutcome {
  file: string;
  /** How it differs from the reference (`// Alternate: ...`); "" when the header is missing. */
  approach: string;
  score: number;
  maxScore: number;
  verdict: string;
  /** Scored full points. */
  passed: boolean;
}

export interface StarterOutcome {
  score: number;
  maxScore: number;
  verdict: string;
  /** Scored at most STARTER_MAX_SHARE of the points. */
  ok: boolean;
}

/** A fake must score strictly less than this share of the points. */
export const FAKE_MAX_SHARE = 0.5;
/** The unchanged starter may score at most this share of the points. */
export const STARTER_MAX_SHARE = 0.3;

export interface ExerciseValidation {
  slug: string;
  id: string;
  chapter: number;
  valid: boolean;
  mutants: number;
  caught: number;
  reference: string;
  starter: StarterOutcome;
  mutantResults: MutantOutcome[];
  fakes: FakeOutcome[];
  /** How many fakes scored under half the points. */
  fakesRejected: number;
  alternates: AlternateOutcome[];
  /** How many alternates scored full points. */
  alternatesPassed: number;
  problems: string[];
}

export async function validateExercise(pool: SandboxPool, exercise: LoadedExercise): Promise<ExerciseValidation> {
  const m = exercise.manifest;
  const problems: string[] = [];
  const reference = await gradeSolution(pool, exercise, exercise.reference, "reference.ts");
  if (reference.verdict !== "passed") {
    const failed = reference.checks.find((c) => c.verdict !== "passed");
    problems.push(
      `reference.ts: ${reference.verdict} in check "${failed?.id ?? "?"}": ${failed?.message ?? (reference.diagnostics ?? []).map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`,
    );
  }
  const starterReport = await gradeSolution(pool, exercise, exercise.starter, "starter.ts");
  const starter: StarterOutcome = {
    score: starterReport.score,
    maxScore: starterReport.maxScore,
    verdict: starterReport.verdict,
    ok: starterReport.verdict !== "passed" && starterReport.score <= STARTER_MAX_SHARE * starterReport.maxScore,
  };
  if (starterReport.verdict === "passed") problems.push("starter.ts passes every check: the exercise asks for nothing");
  else if (!starter.ok)
    problems.push(
      `starter.ts: the unchanged starter scores ${starter.score}/${starter.maxScore} (more than ${STARTER_MAX_SHARE * 100}%): it earns points for nothing (${passedChecks(starterReport)})`,
    );
  const mutantResults: MutantOutcome[] = [];
  for (const mutant of exercise.mutants) {
    const r = await gradeSolution(pool, exercise, mutant.source, mutant.file);
    const caught = r.verdict === mutant.verdict;
    mutantResults.push({ file: mutant.file, expected: mutant.verdict, got: r.verdict, caught, bug: mutant.bug });
    if (!caught) {
      problems.push(
        r.verdict === "passed"
          ? `${mutant.file}: not caught — it passes every check (expected ${mutant.verdict})`
          : `${mutant.file}: expected verdict ${mutant.verdict}, got ${r.verdict} (${r.failure?.message ?? r.checks.find((c) => c.verdict !== "passed")?.message ?? ""})`,
      );
    }
  }
  const fakes: FakeOutcome[] = [];
  for (const fake of exercise.fakes ?? []) {
    const r = await gradeSolution(pool, exercise, fake.source, fake.file);
    const rejected = r.score < FAKE_MAX_SHARE * r.maxScore;
    fakes.push({
      file: fake.file,
      dodge: fake.dodge ?? "",
      score: r.score,
      maxScore: r.maxScore,
      verdict: r.verdict,
      rejected,
    });
    if (fake.dodge === null)
      problems.push(`${fake.file}: the first line must name the dodge: "// Fake: <the dodge, in a sentence>"`);
    if (!rejected)
      problems.push(
        `${fake.file}: not rejected — scores ${r.score}/${r.maxScore} (a fake must score under half): ${fake.dodge ?? "?"} (${passedChecks(r)})`,
      );
  }
  // A break-it level's target (issue 14): the reference schedule, played on it, breaks it.
  const target = await checkTargetInPool(pool, exercise);
  if (target !== null) problems.push(target);
  const alternates: AlternateOutcome[] = [];
  for (const alt of exercise.alternates ?? []) {
    const r = await gradeSolution(pool, exercise, alt.source, alt.file);
    const passed = r.verdict === "passed" && r.score === r.maxScore;
    alternates.push({
      file: alt.file,
      approach: alt.approach ?? "",
      score: r.score,
      maxScore: r.maxScore,
      verdict: r.verdict,
      passed,
    });
    if (alt.approach === null)
      problems.push(`${alt.file}: the first line must name how it differs: "// Alternate: <how, in a sentence>"`);
    if (!passed) {
      const failed = r.checks.find((c) => c.verdict !== "passed");
      problems.push(
        `${alt.file}: a correct alternate scores ${r.score}/${r.maxScore} (${r.verdict}${failed ? ` in check "${failed.id}": ${failed.message ?? ""}` : r.failure ? `: ${r.failure.message}` : ""}) — a false alarm: loosen the check`,
      );
    }
  }
  return {
    slug: m.slug,
    id: m.id,
    chapter: m.chapter,
    valid: problems.length === 0,
    mutants: mutantResults.length,
    caught: mutantResults.filter((x) => x.caught).length,
    reference: reference.verdict,
    starter,
    mutantResults,
    fakes,
    fakesRejected: fakes.filter((f) => f.rejected).length,
    alternates,
    alternatesPassed: alternates.filter((a) => a.passed).length,
    problems,
  };
}
