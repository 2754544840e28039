// The speedup report end to end: through the sandbox pool, and through the CLI in separate
// processes (the same program must give the same numbers in every process).

import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { SandboxPool } from "../workers/pool";
import { measureSpeedup, type SpeedupReport } from "./speedup";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const pool = new SandboxPool({ size: 2, taskTimeoutMs: 60_000 });
afterAll(() => pool.close());

const AMDAHL = `import { spawn, work } from "interleave";

// 20 ms of serial setup, then 80 ms of work split over 8 threads: serial fraction 0.2.
export default async function main() {
  await work(20);
  const threads = Array.from({ length: 8 }, (_, i) => spawn(() => work(10), "worker-" + i));
  for (const t of threads) await t.join();
}
`;

const GIL = `import { Process, spawn } from "interleave";

export function crunch(n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += i & 3;
  return s;
}

export default async function main() {
  const threads = Array.from({ length: 4 }, () => spawn(async () => { crunch(25_600); }));
  for (const t of threads) await t.join();
}
`;

async function measure(source: string, cores: number[], gil = false): Promise<SpeedupReport> {
  const outcome = await measureSpeedup(pool, [{ name: "program.ts", displayName: "program.ts", source }], {
    cores,
    gil,
    maxSteps: 100_000,
    entryModule: "program.ts",
    entryExport: "default",
    prefer: "program.ts",
  });
  if (outcome.kind !== "measured") throw new Error(outcome.message);
  return outcome.report;
}

describe("speedup report", () => {
  it("reads work, span, parallelism, Karp–Flatt and the Amdahl curve off a program with serial fraction 0.2", async () => {
    const r = await measure(AMDAHL, [1, 2, 4, 8]);
    expect(r).toMatchObject({
      work: 100,
      t1: 100,
      span: 30,
      parallelism: 3.333333,
      serialFraction: 0.2,
      amdahlLimit: 5,
    });
    expect(r.points.map((p) => [p.cores, p.makespan, p.speedup])).toEqual([
      [1, 100, 1],
      [2, 60, 1.666667],
      [4, 40, 2.5],
      [8, 30, 3.333333],
    ]);
    for (const p of r.points) expect(Math.abs(p.speedup! - p.amdahl!) / p.amdahl!).toBeLessThan(0.01);
    expect(r.serial).toMatchObject({ file: "program.ts", from: 5, to: 5, time: 20, text: "line 5 of program.ts" });
  });

  it("CPU-bound threads show no speedup under the GIL, and do without it", async () => {
    const withGil = await measure(GIL, [1, 4], true);
    const without = await measure(GIL, [1, 4], false);
    expect(withGil.points[1]!.speedup).toBe(1);
    expect(without.points[1]!.speedup).toBeGreaterThan(3.9);
  });

  it("the CLI prints the same JSON in two separate processes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "interleave-speedup-"));
    const file = path.join(dir, "amdahl.ts");
    writeFileSync(file, AMDAHL);
    const cli = () =>
      run("node", ["bin/interleave.mjs", "speedup", file, "--cores", "1,2,4,8", "--json"], { cwd: root });
    const [a, b] = await Promise.all([cli(), cli()]);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as SpeedupReport;
    expect(report.serialFraction).toBe(0.2);
    expect(report.points.map((p) => p.speedup)).toEqual([1, 1.666667, 2.5, 3.333333]);
  }, 120_000);

  it("a program that fails its un-stressed schedule has no speedup: exit 1 with the verdict", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "interleave-speedup-"));
    const file = path.join(dir, "wrong.ts");
    writeFileSync(
      file,
      `import { assert } from "interleave";\nexport default async function main() { assert(false, "nope"); }\n`,
    );
    const failed = await run("node", ["bin/interleave.mjs", "speedup", file, "--cores", "2", "--json"], {
      cwd: root,
    }).catch((e: { code: number; stdout: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect(JSON.parse((failed as { stdout: string }).stdout)).toMatchObject({ verdict: "wrong-answer" });
    const usage = await run("node", ["bin/interleave.mjs", "speedup", file, "--cores", "0"], { cwd: root }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((usage as { code: number }).code).toBe(2);
    expect((usage as { stderr: string }).stderr).toMatch(/--cores takes core counts/);
  }, 120_000);
});
