// Issue 14: what the student-file type check adds to each grade. Every reference, starter,
// mutant and fake of the catalogue is checked as a submission would be (one warm language
// service, the harness's expected exports), after a cold start that is timed on its own.
// Run alone: `npx tsx bench/typecheck-solution.ts`.

import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expectedExports, typecheckSolution, warmUpTypecheck } from "../grader/compile/typecheck-solution";
import { loadExercise } from "../grader/exercise/load";
import type { BenchFigure } from "./detect-happens-before";

const EXERCISES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "exercises");

export async function benchTypecheck(): Promise<BenchFigure[]> {
  const cold = performance.now();
  warmUpTypecheck();
  const coldMs = performance.now() - cold;
  const times: number[] = [];
  let failing = 0;
  for (const slug of readdirSync(EXERCISES).sort()) {
    const { exercise: e } = loadExercise(path.join(EXERCISES, slug));
    if (!e) continue;
    const expected = expectedExports(e.harness, e.starter);
    const files = [e.reference, e.starter, ...e.mutants.map((m) => m.source), ...(e.fakes ?? []).map((f) => f.source)];
    for (const source of files) {
      const t = performance.now();
      if (typecheckSolution(source, "solution.ts", expected).length > 0) failing++;
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return [
    {
      name: "type check cold start (declarations + lib files, once per process)",
      value: Math.round(coldMs),
      unit: "ms",
    },
    { name: `type check per submission, median of ${times.length} catalogue files`, value: at(0.5), unit: "ms" },
    { name: "type check per submission, p90", value: at(0.9), unit: "ms", goal: "≤ 100 ms" },
    { name: "catalogue files that fail the type check", value: failing, unit: "files", goal: "0" },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  for (const f of await benchTypecheck())
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ""}`);
