// Break-it targets (issue 14): every level's reference schedule plays on its target with the
// real runtime, translates back to itself, and breaks the target; a target that does not
// break (the same program, fixed) is reported.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stepProgram } from "../explore/step";
import { harnessSchedule } from "../protocol/break-it-schedule";
import type { StepState } from "../protocol/step";
import { session } from "../testing";
import { loadExercise, type LoadedExercise } from "../exercise/load";
import { checkTarget, playSchedule, referenceSchedule } from "./target";

const EXERCISES = path.resolve(import.meta.dirname, "../../exercises");
const LEVELS = [
  "break-the-increment",
  "break-the-flag-lock",
  "break-into-deadlock",
  "break-the-bounded-buffer",
  "break-the-condition",
  "break-into-starvation",
  "break-the-homemade-barrier",
];

function load(slug: string): LoadedExercise {
  const { exercise, problems } = loadExercise(path.join(EXERCISES, slug));
  expect(problems).toEqual([]);
  return exercise!;
}

function stepper(source: string): { step: (d: number[]) => StepState; dispose: () => void } {
  const s = session(source, "target.ts");
  const files = [{ name: "program.ts", displayName: "target.ts", source }];
  return {
    step: (decisions) =>
      stepProgram(s, files, {
        decisions,
        cores: 4,
        maxSteps: 10_000,
        entryModule: "program.ts",
        entryExport: "default",
      }),
    dispose: () => s.dispose(),
  };
}

describe("break-it targets", () => {
  it.each(LEVELS)("%s: the reference schedule plays on the target, round-trips and breaks it", async (slug) => {
    const exercise = load(slug);
    expect(exercise.target).toBeDefined();
    const { step, dispose } = stepper(exercise.target!);
    try {
      expect(await checkTarget(exercise, step)).toBeNull();
    } finally {
      dispose();
    }
  });

  it("fires on a target that does not break: the increment under a lock", async () => {
    const exercise = load("break-the-increment");
    const fixed = exercise
      .target!.replace(
        'import { assert, Shared, spawn } from "interleave";',
        'import { assert, Lock, Shared, spawn } from "interleave";\nconst l = new Lock("l");',
      )
      .replace(
        "async function addThreeTimes() {\n  let tmp = 0;",
        "async function addThreeTimes() {\n  let tmp = 0;\n  await l.acquire();",
      )
      .replace(
        "  await a.set(tmp + 1); //            6  a = tmp + 1\n",
        "  await a.set(tmp + 1); //            6  a = tmp + 1\n  void l.release();\n",
      );
    expect(fixed).not.toBe(exercise.target);
    const { step, dispose } = stepper(fixed);
    try {
      expect(await checkTarget({ ...exercise, target: fixed }, step)).toMatch(/does not (play|break)/);
    } finally {
      dispose();
    }
  });

  it("a schedule of only main's decisions (and starts) is the empty harness schedule", () => {
    expect(harnessSchedule({ decisions: [0, 0, 0], threadNames: ["MainThread", "thread 0"], trace: [] })).toEqual([]);
    expect(harnessSchedule({ decisions: [0, 1, 2], threadNames: ["MainThread", "a", "b"], trace: [] })).toEqual([]);
    expect(
      harnessSchedule({ decisions: [0, 1, 1, 2, 1, 2], threadNames: ["MainThread", "a", "b"], trace: [] }),
    ).toEqual([0, 0, 1]);
  });

  it("a blocked decision is no line, except a Condition wait falling asleep", () => {
    const names = ["MainThread", "c", "p"];
    const ev = (thread: string, op: string, target: string) => ({ step: 0, thread, op, target, time: 0 });
    // c starts, takes m, blocks on m (no line), then gets it; p starts and takes m.
    const lock = [ev("c", "acquire", "m"), ev("p", "acquire", "m"), ev("c", "block", "m"), ev("c", "acquire", "m")];
    expect(harnessSchedule({ decisions: [1, 2, 2, 1, 1], blocked: [3], threadNames: names, trace: lock })).toEqual([
      1, 0,
    ]);
    // The same decisions, c's block being a wait's sleep on cond: a line.
    const wait = [ev("p", "acquire", "m"), ev("c", "wait", "cond"), ev("c", "block", "cond")];
    expect(harnessSchedule({ decisions: [1, 2, 2, 1, 1], blocked: [3], threadNames: names, trace: wait })).toEqual([
      1, 0, 0,
    ]);
  });

  it("a thread that blocks on a held lock takes no line: the harness would refuse that step", async () => {
    const exercise = load("break-into-deadlock");
    const { step, dispose } = stepper(exercise.target!);
    try {
      const { translated } = await playSchedule(referenceSchedule(exercise.reference)!, step);
      expect(translated.ok).toBe(true);
      const decisions = translated.decisions;
      // Thread 0 waits for B (held by thread 1): running it blocks it.
      const blocked = step([...decisions, 1]);
      expect(blocked.blocked).toContain(decisions.length);
      expect(harnessSchedule(blocked)).toEqual([1, 1, 1, 1, 2, 2, 1, 1, 0]);
      expect(blocked.runnable).not.toContain(1);
    } finally {
      dispose();
    }
  });

  it("reads the reference's schedule literal", () => {
    expect(referenceSchedule(readFileSync(path.join(EXERCISES, "break-the-flag-lock/reference.ts"), "utf8"))).toEqual([
      0, 1, 0, 1,
    ]);
    expect(referenceSchedule("export const schedule = [];")).toEqual([]);
    expect(referenceSchedule("export const other = [1];")).toBeNull();
  });
});
