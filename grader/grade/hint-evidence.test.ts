// Hints follow the evidence (issue 14): the un-joined-thread hint fires only when the failing
// interleaving shows a worker still running when the check's thread failed.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warmUpTypecheck } from "../compile/typecheck-solution";
import { loadExercise } from "../exercise/load";
import type { TraceEvent } from "../protocol/types";
import { SandboxPool } from "../workers/pool";
import { feedbackFor, gradeSolution } from "./grade";
import { hintEvidence } from "./hint-evidence";

const ev = (thread: string, op: string, target?: string): TraceEvent => ({ step: 0, thread, op, target, time: 0 });
const failure = (trace: TraceEvent[], failedIn: string) => ({
  trace,
  threads: ["MainThread", "Worker-1", "Worker-2"],
  outcome: { kind: "assertion" as const, message: "x", thread: failedIn },
});

describe("hintEvidence", () => {
  it("unjoined: the main thread failed while a worker it started was still running", () => {
    const trace = [ev("MainThread", "spawn", "Worker-1"), ev("MainThread", "spawn", "Worker-2"), ev("Worker-1", "end")];
    expect(hintEvidence(failure([...trace, ev("MainThread", "fail", "assertion")], "MainThread"))).toEqual(
      new Set(["unjoined"]),
    );
  });

  it("quiet when every worker had ended, when a worker failed, and without a failure", () => {
    const joined = [
      ev("MainThread", "spawn", "Worker-1"),
      ev("MainThread", "spawn", "Worker-2"),
      ev("Worker-1", "end"),
      ev("Worker-2", "end"),
      ev("MainThread", "fail", "assertion"),
    ];
    expect(hintEvidence(failure(joined, "MainThread")).size).toBe(0);
    const inWorker = [ev("MainThread", "spawn", "Worker-1"), ev("MainThread", "spawn", "Worker-2")];
    expect(hintEvidence(failure([...inWorker, ev("Worker-2", "fail", "data-race")], "Worker-2")).size).toBe(0);
    expect(hintEvidence(undefined).size).toBe(0);
  });

  it("an evidence text comes before the verdict's, and only with its evidence", () => {
    const f = { unjoined: "join them", race: "hold the lock" };
    const unjoined = failure([ev("MainThread", "spawn", "Worker-1"), ev("MainThread", "fail")], "MainThread");
    expect(feedbackFor(f, "wrong-answer", unjoined as never)).toBe("join them");
    expect(feedbackFor(f, "race", unjoined as never)).toBe("join them");
    expect(feedbackFor(f, "race", failure([], "Worker-1") as never)).toBe("hold the lock");
    expect(feedbackFor(f, "deadlock", failure([], "Worker-1") as never)).toBeUndefined();
  });
});

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, "../../exercises/shared-counter");
const pool = new SandboxPool({ size: 1, taskTimeoutMs: 120_000 });
beforeAll(() => {
  warmUpTypecheck();
  return pool.warmUp();
}, 60_000);
afterAll(() => pool.close());

describe("shared-counter's hints, graded for real", () => {
  const grade = async (mutant: string) => {
    const { exercise } = loadExercise(dir);
    const code = readFileSync(path.join(dir, "mutants", mutant), "utf8");
    const report = await gradeSolution(pool, exercise!, code, mutant);
    return report.checks.find((c) => c.id === "waits-for-workers")!;
  };

  it("code that does not join is told to join", async () => {
    const check = await grade("no-join.ts");
    expect(check.verdict).not.toBe("passed");
    expect(check.feedback).toMatch(/^join\(\) each thread/);
  }, 120_000);

  it("a race in code that joins is not told to join", async () => {
    const check = await grade("no-lock.ts");
    expect(check.verdict).toBe("race");
    expect(check.feedback ?? "").not.toMatch(/join/);
    expect(check.feedback).toMatch(/read followed by a write/);
  }, 120_000);
});
