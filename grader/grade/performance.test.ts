// Exercises that require a speed (issue 5): speedup and latency checks, graded end to end
// through the sandbox pool on the two fixture exercises beside this file.

import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadExercise } from "../exercise/load";
import { manifestSchema } from "../exercise/manifest";
import { SandboxPool } from "../workers/pool";
import { gradeSolution } from "./grade";
import { validateExercise } from "./validate";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);
const pool = new SandboxPool({ size: 2, taskTimeoutMs: 120_000 });
afterAll(() => pool.close());

function load(name: string) {
  const { exercise, problems } = loadExercise(fixture(name));
  if (!exercise) throw new Error(problems.map((p) => p.message).join("\n"));
  return exercise;
}

describe("performance checks", () => {
  it("a parallel solution passes the speedup check; a serial one is too-slow with Amdahl's explanation and its lines", async () => {
    const exercise = load("parallel-sum");
    const good = await gradeSolution(pool, exercise, exercise.reference, "reference.ts");
    expect(good.verdict).toBe("passed");
    const measured = good.checks.find((c) => c.id === "speedup")!.performance!;
    expect(measured).toMatchObject({ kind: "speedup", cores: 4, passed: true, minSpeedup: 2.5 });
    expect(measured.speedup).toBeGreaterThan(3.9);

    const copy = exercise.mutants.find((m) => m.file === "mutants/serial-copy.ts")!;
    const slow = await gradeSolution(pool, exercise, copy.source, "mine.ts");
    expect(slow.verdict).toBe("too-slow");
    expect(slow.score).toBe(40);
    const check = slow.checks.find((c) => c.id === "speedup")!;
    expect(check.performance).toMatchObject({ speedup: 1.599965, serialFraction: 0.500018, passed: false });
    expect(check.message).toMatch(
      /^Speedup 1\.6× on 4 cores .* this check needs 2\.5×\. Serial fraction 0\.5 \(Karp–Flatt\): Amdahl caps you at 1\.6× on 4 cores and 2× on any number of cores; reaching 2\.5× needs a serial fraction of at most 0\.2\. The serial part is line 6 of mine\.ts/,
    );
  });

  it("a server that serves clients one at a time misses the latency target", async () => {
    const exercise = load("echo-server");
    const good = await gradeSolution(pool, exercise, exercise.reference, "reference.ts");
    expect(good.verdict).toBe("passed");
    const latency = good.checks[1]!.performance!.latency!;
    expect(latency.count).toBe(24);
    expect(latency.p95).toBeLessThanOrEqual(10); // 8 clients, 5 ms of work each, 4 cores
    const slow = await gradeSolution(pool, exercise, exercise.mutants[0]!.source, "mine.ts");
    expect(slow.verdict).toBe("too-slow");
    expect(slow.checks[1]!.message).toMatch(/^p95 \d+ ms is over the limit of 20 ms/);
  });

  it("a speedup measured on the harness's own kernel: padding other cores beats T1/T4, never it", async () => {
    const exercise = load("kernel-speedup");
    const good = await gradeSolution(pool, exercise, exercise.reference, "reference.ts");
    expect(good.verdict).toBe("passed");
    const measured = good.checks[0]!.performance!;
    expect(measured).toMatchObject({ kind: "speedup", metric: "jobs-speedup", cores: 4, passed: true, speedup: 4 });
    expect(measured.message).toMatch(/^speedup 4× of the exercise's own kernel on 4 cores/);

    const padded = exercise.mutants[0]!.source;
    const slow = await gradeSolution(pool, exercise, padded, "mine.ts");
    expect(slow.verdict).toBe("too-slow");
    expect(slow.checks[0]!.performance).toMatchObject({ speedup: 1, passed: false });
    expect(slow.checks[0]!.message).toMatch(/^Speedup 1× of the exercise's own kernel on 4 cores .*needs 3\.5×/);

    // The same padding passes a speedup measured as makespan on 1 core over makespan on 4.
    const { metric: _metric, ...byMakespan } = exercise.manifest.checks[0]!;
    const makespanOnly = { ...exercise, manifest: { ...exercise.manifest, checks: [byMakespan] } };
    const fooled = await gradeSolution(pool, makespanOnly, padded, "mine.ts");
    expect(fooled.verdict).toBe("passed");
    expect(fooled.checks[0]!.performance!.speedup).toBeGreaterThanOrEqual(3.5);
  });

  it("a kernel speedup the harness never recorded is not a pass", async () => {
    const exercise = load("kernel-speedup");
    const check = { ...exercise.manifest.checks[0]!, metric: "never-measured" };
    const unmeasured = { ...exercise, manifest: { ...exercise.manifest, checks: [check] } };
    const r = await gradeSolution(pool, unmeasured, exercise.reference, "reference.ts");
    expect(r.verdict).toBe("too-slow");
    expect(r.checks[0]!.message).toMatch(/"never-measured" was not recorded/);
  });

  it("validate proves the fixtures: references pass, too-slow mutants are caught", async () => {
    for (const name of ["parallel-sum", "echo-server", "kernel-speedup"]) {
      const v = await validateExercise(pool, load(name));
      expect(v.problems).toEqual([]);
      expect(v.valid).toBe(true);
    }
  });

  it("grade --json prints the measured speedup", async () => {
    const ex = fixture("parallel-sum");
    const { stdout } = await run("node", ["bin/interleave.mjs", "grade", ex, path.join(ex, "reference.ts"), "--json"], {
      cwd: root,
    });
    const out = JSON.parse(stdout) as { verdict: string; speedup: Record<string, unknown> };
    expect(out.verdict).toBe("passed");
    expect(out.speedup).toMatchObject({ check: "speedup", cores: 4, minSpeedup: 2.5, passed: true });
    expect(out.speedup.speedup as number).toBeGreaterThan(3.9);
  }, 120_000);
});

describe("manifest", () => {
  const base = {
    id: "x",
    slug: "x",
    title: "xxx",
    chapter: 2,
    difficulty: "easy",
    points: 10,
    summary: "a summary of it",
    mutants: [{ file: "mutants/a.ts", verdict: "too-slow", bug: "slow" }],
  };
  const check = (extra: object) => ({ id: "c", title: "ccc", export: "c", points: 10, ...extra });

  it("a performance check must say what it requires, and only that", () => {
    expect(manifestSchema.safeParse({ ...base, checks: [check({ kind: "speedup", minSpeedup: 2 })] }).success).toBe(
      true,
    );
    const missing = manifestSchema.safeParse({ ...base, checks: [check({ kind: "speedup" })] });
    expect(missing.success).toBe(false);
    expect(JSON.stringify(missing.error?.issues)).toMatch(/needs minSpeedup/);
    expect(manifestSchema.safeParse({ ...base, checks: [check({ kind: "latency" })] }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...base, checks: [check({ maxMakespan: 10 })] }).success).toBe(false);
    // A speedup may be read from a harness metric (a kernel it owns), but has no latency limits.
    const onKernel = check({ kind: "speedup", minSpeedup: 2, metric: "jobs-speedup" });
    expect(manifestSchema.safeParse({ ...base, checks: [onKernel] }).success).toBe(true);
    expect(manifestSchema.safeParse({ ...base, checks: [{ ...onKernel, maxLatency: 5 }] }).success).toBe(false);
  });

  it("runtime.gil defaults to false", () => {
    const m = manifestSchema.parse({ ...base, checks: [check({})] });
    expect(m.runtime).toEqual({ cores: 4, gil: false });
    expect(m.checks[0]!.kind).toBe("correctness");
  });
});
