// Grading time is bounded (issue 9): a program tuned to stay just under the step budget on
// every schedule must not hold a sandbox for minutes. Out of time is `timeout` with what was
// explored, never `passed`; a quick solution under the same limits still passes.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedExercise } from "../exercise/load";
import { manifestSchema } from "../exercise/manifest";
import { SandboxPool } from "../workers/pool";
import { warmUpTypecheck } from "../compile/typecheck-solution";
import { gradeSolution } from "./grade";

const pool = new SandboxPool({ size: 1, taskTimeoutMs: 120_000, deadlineGraceMs: 3_000 });
// Started before the clocks below: a sandbox that boots slowly on a loaded machine would
// otherwise eat the deadline before the first schedule.
// The type check's cold start (seconds, once per process) is not the grading time measured here.
beforeAll(() => {
  warmUpTypecheck();
  return pool.warmUp();
}, 60_000);
afterAll(() => pool.close());

const MAX_STEPS = 20_000;

function exercise(budget: { timeBudgetMs?: number } = {}): LoadedExercise {
  const manifest = manifestSchema.parse({
    id: "fixture-spin",
    slug: "spin",
    title: "Spin (time-budget fixture)",
    chapter: 19,
    difficulty: "easy",
    points: 2,
    summary: "A check whose cost is the solution's number of scheduling points.",
    checks: [
      { id: "first", title: "First spin", export: "first", points: 1 },
      { id: "second", title: "Second spin", export: "second", points: 1 },
    ],
    schedules: { strategy: "random", runs: 10_000, seed: 1, maxSteps: MAX_STEPS, ...budget },
    runtime: { cores: 2 },
    mutants: [{ file: "mutants/none.ts", verdict: "timeout", bug: "unused here" }],
  });
  return {
    dir: "/nonexistent",
    manifest,
    statement: "",
    starter: "",
    reference: "",
    harness: `import { spin } from "./solution";\nexport async function first() { await spin(); }\nexport async function second() { await spin(); }\n`,
    mutants: [],
  };
}

/** `points` scheduling points per schedule (each yieldNow is one). */
const spinning = (points: number) =>
  `import { yieldNow } from "interleave";\nexport async function spin() { for (let i = 0; i < ${points}; i++) await yieldNow(); }\n`;

describe("grading time is bounded", () => {
  it("a solution just under the step budget on every schedule ends at the deadline as timeout", async () => {
    const started = Date.now();
    const report = await gradeSolution(pool, exercise(), spinning(MAX_STEPS - 50), "solution.ts", {
      deadlineMs: 4_000,
    });
    const elapsed = Date.now() - started;
    // The deadline, one schedule and the grace of the watchdog: not the minutes 10,000 schedules take.
    expect(elapsed).toBeLessThan(4_000 + 3_000 + 2_000);
    expect(report.verdict).toBe("timeout");
    expect(report.score).toBe(0);
    // One sandbox, two checks: each had its fair share (half the deadline), and each says
    // how far it got; the first did not leave nothing to the second.
    for (const check of report.checks) {
      expect(check.verdict).toBe("timeout");
      const m = /^explored (\d+) of 10000 schedules in (\d+\.\d) s before the time for this check ran out/.exec(
        check.message,
      );
      expect(m, check.message).not.toBeNull();
      expect(Number(m![1])).toBe(check.schedulesRun);
      expect(check.schedulesRun).toBeGreaterThan(0);
      expect(Number(m![2])).toBeLessThan(2 + 1.5);
    }
  }, 60_000);

  it("a per-check time budget alone bounds a check the same way", async () => {
    const report = await gradeSolution(pool, exercise({ timeBudgetMs: 1_000 }), spinning(MAX_STEPS - 50));
    expect(report.checks.map((c) => c.verdict)).toEqual(["timeout", "timeout"]);
    for (const check of report.checks) expect(check.message).toMatch(/^explored \d+ of 10000 schedules/);
  }, 60_000);

  it("a quick solution under the same deadline passes every schedule", async () => {
    const ex = exercise();
    ex.manifest.schedules.runs = 50;
    const report = await gradeSolution(pool, ex, spinning(10), "solution.ts", { deadlineMs: 30_000 });
    expect(report.verdict).toBe("passed");
    expect(report.checks.map((c) => c.message)).toEqual(["passed 50 schedules", "passed 50 schedules"]);
  }, 60_000);
});

describe("the pool's deadline", () => {
  it("a task still waiting at its deadline is not run", async () => {
    const answer = await pool.run(
      {
        kind: "explore",
        files: [{ name: "program.ts", displayName: "program.ts", source: spinning(1) }],
        options: {
          strategy: "rr",
          runs: 1,
          seed: 1,
          cores: 1,
          maxSteps: 1_000,
          entryModule: "program.ts",
          entryExport: "spin",
        },
      },
      { deadline: Date.now() - 1 },
    );
    expect(answer).toMatchObject({ kind: "timeout", message: expect.stringMatching(/^not run: /) });
  });

  it("a worker still busy past the deadline and its grace is killed: timeout", async () => {
    await pool.warmUp();
    const started = Date.now();
    const answer = await pool.run(
      {
        kind: "replay",
        files: [
          {
            name: "program.ts",
            displayName: "program.ts",
            // One builtin call that never returns (catastrophic backtracking; the backreference
            // keeps V8's linear-time fallback engine out, grader/isolate/regexp-engine.ts): no
            // step counts it.
            source: `export default async function main() { /(a+)+\\1b/.test("a".repeat(60)); }`,
          },
        ],
        options: {
          strategy: "rr",
          seed: 1,
          cores: 1,
          maxSteps: 1_000,
          entryModule: "program.ts",
          entryExport: "default",
        },
        limits: { scheduleTimeoutMs: 60_000 },
      },
      { deadline: Date.now() + 1_000 },
    );
    expect(answer).toEqual({
      kind: "timeout",
      message: "grading ran past the submission's time limit and was stopped",
    });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_000 + 3_000);
    expect(elapsed).toBeLessThan(1_000 + 3_000 + 2_000);
  }, 60_000);
});
