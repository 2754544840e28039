// Live progress (issue 14): while a check explores, its sandbox reports how many schedules ran
// of the budget, throttled to ~4 messages a second; every check then reports its end.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { warmUpTypecheck } from "../compile/typecheck-solution";
import { loadExercise } from "../exercise/load";
import { SandboxPool } from "../workers/pool";
import { gradeSolution, type CheckProgressEvent } from "./grade";

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, "../../exercises/shared-counter");

const pool = new SandboxPool({ size: 1, taskTimeoutMs: 120_000 });
beforeAll(() => {
  warmUpTypecheck();
  return pool.warmUp();
}, 60_000);
afterAll(() => pool.close());

it("reports schedules explored of the budget while a check runs, at most ~4 times a second, then its end", async () => {
  const { exercise } = loadExercise(dir);
  const reference = readFileSync(path.join(dir, "reference.ts"), "utf8");
  const events: (CheckProgressEvent & { at: number })[] = [];
  const report = await gradeSolution(pool, exercise!, reference, "solution.ts", {
    onProgress: (event) => events.push({ ...event, at: performance.now() }),
  });
  expect(report.verdict).toBe("passed");
  const checks = exercise!.manifest.checks;
  for (let i = 0; i < checks.length; i++) {
    const mine = events.filter((e) => e.check === i);
    const finished = mine.filter((e) => e.kind === "finished");
    expect(finished, `check ${i} ends once`).toHaveLength(1);
    expect(finished[0]).toMatchObject({ verdict: "passed", schedulesRun: report.checks[i]!.schedulesRun });
    const exploring = mine.flatMap((e) => (e.kind === "exploring" ? [{ ...e.progress, at: e.at }] : []));
    expect(exploring.length, `check ${i} reported progress while it ran`).toBeGreaterThan(0);
    // Progress arrives before the answer, counts up, and names the budget.
    expect(mine.at(-1)!.kind).toBe("finished");
    for (const p of exploring) expect(p.runs).toBe(exercise!.manifest.schedules.runs);
    for (let j = 1; j < exploring.length; j++) {
      expect(exploring[j]!.schedulesRun).toBeGreaterThan(exploring[j - 1]!.schedulesRun);
      // Throttled in the sandbox: 250 ms apart there (IPC may bunch them a little here).
      expect(exploring[j]!.at - exploring[j - 1]!.at).toBeGreaterThan(150);
    }
  }
  const strategies = new Set(events.flatMap((e) => (e.kind === "exploring" ? [e.progress.strategy] : [])));
  expect([...strategies].every((s) => ["rr", "pct", "switch", "delay", "random"].includes(s))).toBe(true);
}, 120_000);
