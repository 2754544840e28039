// Issue 14: a solution is graded as the editor checks it. A type error the editor underlines
// is a compile-error (it used to pass 100/100); the harness's own errors are not the student's.

import { afterAll, describe, expect, it } from "vitest";
import type { LoadedExercise } from "../exercise/load";
import { manifestSchema } from "../exercise/manifest";
import { SandboxPool } from "../workers/pool";
import { gradeSolution } from "./grade";

const pool = new SandboxPool({ size: 1, taskTimeoutMs: 60_000 });
afterAll(() => pool.close());

const starter = `export async function countConcurrently(threads: number, perThread: number): Promise<number> {\n  return 0;\n}\n`;

function exercise(harness?: string): LoadedExercise {
  const manifest = manifestSchema.parse({
    id: "fixture-count",
    slug: "count",
    title: "Count (compile-error fixture)",
    chapter: 3,
    difficulty: "easy",
    points: 1,
    summary: "A check that calls the solution's one export.",
    checks: [{ id: "count", title: "Counts", export: "count", points: 1 }],
    schedules: { strategy: "random", runs: 3, seed: 1 },
    mutants: [{ file: "mutants/none.ts", verdict: "wrong-answer", bug: "unused here" }],
  });
  return {
    dir: "/nonexistent",
    manifest,
    statement: "",
    starter,
    reference: "",
    harness:
      harness ??
      `import { assert } from "interleave";\nimport { countConcurrently } from "./solution";\nexport async function count() { assert((await countConcurrently(2, 3)) === 6, "6"); }\n`,
    mutants: [],
  };
}

const correct = `export async function countConcurrently(threads: number, perThread: number): Promise<number> {\n  return threads * perThread;\n}\n`;

describe("grading as the editor checks", () => {
  it("a type error in the solution is a compile-error at file:line:col, with no point", async () => {
    const report = await gradeSolution(pool, exercise(), `const q: number = "x";\n${correct}`, "mine.ts");
    expect(report.verdict).toBe("compile-error");
    expect(report.score).toBe(0);
    expect(report.diagnostics).toEqual([
      { file: "mine.ts", line: 1, column: 7, message: "Type 'string' is not assignable to type 'number'." },
    ]);
    expect(report.checks.map((c) => c.verdict)).toEqual(["compile-error"]);
  }, 60_000);

  it("a correct solution passes, and a type error in the harness is not the student's", async () => {
    expect((await gradeSolution(pool, exercise(), correct)).verdict).toBe("passed");
    const sloppyHarness = `import { assert } from "interleave";\nimport { countConcurrently } from "./solution";\nconst unused: number = "harness";\nexport async function count() { assert((await countConcurrently(2, 3)) === 6, "6"); }\n`;
    const report = await gradeSolution(pool, exercise(sloppyHarness), correct);
    expect(report.verdict).toBe("passed");
    expect(report.checks[0]!.message).toBe("passed 3 schedules");
  }, 60_000);

  it("a missing export names the function with the starter's signature", async () => {
    const report = await gradeSolution(pool, exercise(), correct.replace("countConcurrently", "count"));
    expect(report.verdict).toBe("compile-error");
    expect(report.diagnostics?.[0]?.message).toMatch(
      /^solution\.ts does not export `countConcurrently\(threads, perThread\)`/,
    );
  }, 60_000);

  it("a name the starter does not declare is still named at run time, not '(0 , solution_1.x)'", async () => {
    const harness = `import { extra } from "./solution";\nexport async function count() { await extra(); }\n`;
    const report = await gradeSolution(pool, exercise(harness), correct);
    expect(report.verdict).toBe("runtime-error");
    expect(report.checks[0]!.message).toMatch(/the solution does not export `extra`, which the exercise calls/);
  }, 60_000);

  it("one schedule is 'schedule', not 'schedules'", async () => {
    const e = exercise();
    e.manifest.schedules.runs = 1;
    expect((await gradeSolution(pool, e, correct)).checks[0]!.message).toBe("passed 1 schedule");
  }, 60_000);
});
