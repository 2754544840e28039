// `interleave validate`: an exercise proves itself (Kattis's verifyproblem): the reference
// passes every check on every schedule of the budget, every mutant gets exactly the verdict
// it declares, and the starter code does not pass.

import type { LoadedExercise } from "../exercise/load";
import type { SandboxPool } from "../sandbox/pool";
import { gradeSolution } from "./grade";

export interface MutantOutcome {
  file: string;
  expected: string;
  got: string;
  caught: boolean;
  bug: string;
}

export interface ExerciseValidation {
  slug: string;
  id: string;
  chapter: number;
  valid: boolean;
  mutants: number;
  caught: number;
  reference: string;
  starter: string;
  mutantResults: MutantOutcome[];
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
  const starter = await gradeSolution(pool, exercise, exercise.starter, "starter.ts");
  if (starter.verdict === "passed") problems.push("starter.ts passes every check: the exercise asks for nothing");
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
  return {
    slug: m.slug,
    id: m.id,
    chapter: m.chapter,
    valid: problems.length === 0,
    mutants: mutantResults.length,
    caught: mutantResults.filter((x) => x.caught).length,
    reference: reference.verdict,
    starter: starter.verdict,
    mutantResults,
    problems,
  };
}
