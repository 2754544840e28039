import path from "node:path";
import { expect, it } from "vitest";
import { loadExercise } from "../../grader/index";
import { RUN_SCHEDULES, runExercise } from "./grade-submission";

const load = (slug: string) => loadExercise(path.resolve("exercises", slug)).exercise!;

it("a Run grades the visible correctness checks only, each with a small budget", () => {
  const full = load("shared-counter");
  const run = runExercise(full);
  expect(full.manifest.checks.map((c) => c.id)).toContain("many-threads");
  expect(run.manifest.checks.map((c) => c.id)).toEqual(["two-threads", "waits-for-workers"]);
  for (const c of run.manifest.checks) expect(c.schedules?.runs).toBe(RUN_SCHEDULES);
  expect(run.manifest.points).toBe(60);
  // The exercise as loaded is untouched (it is cached by the worker).
  expect(full.manifest.checks).toHaveLength(3);
  expect(full.manifest.points).toBe(100);
});

it("a Run keeps a smaller budget of the check's own, and leaves performance checks to Submit", () => {
  const full = load("band-blur");
  const run = runExercise(full);
  const visible = full.manifest.checks.filter((c) => !c.hidden);
  expect(visible.some((c) => c.kind !== "correctness")).toBe(true);
  expect(run.manifest.checks.length).toBeGreaterThan(0);
  for (const c of run.manifest.checks) {
    expect(c.kind).toBe("correctness");
    const own = full.manifest.checks.find((f) => f.id === c.id)!.schedules?.runs ?? full.manifest.schedules.runs;
    expect(c.schedules?.runs).toBe(Math.min(own, RUN_SCHEDULES));
  }
});
