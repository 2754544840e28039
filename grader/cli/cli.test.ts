// The CLI contract of DESIGN.md, exercised as outside checks do: separate processes, exit
// codes, one JSON object on stdout, replay reproducing a run's trace bit for bit, and the
// grading of an exercise end to end for every verdict it can produce.

import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin/interleave.mjs");
const tmp = mkdtempSync(path.join(tmpdir(), "interleave-cli-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function json(r: Run): Record<string, unknown> {
  const lines = r.stdout.trim().split("\n");
  expect(lines, `exactly one line of JSON on stdout (stderr: ${r.stderr})`).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

function file(name: string, source: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, source);
  return p;
}

const atomicityViolation = file(
  "av.ts",
  `import { Lock, Shared, spawn, assert } from "interleave";
const c = new Shared(0, "counter");
const lock = new Lock("lock");
async function inc() {
  for (let i = 0; i < 3; i++) {
    await lock.acquire(); const v = await c.get(); lock.release();
    await lock.acquire(); await c.set(v + 1); lock.release();
  }
}
export default async function main() {
  const a = spawn(inc, "A"); const b = spawn(inc, "B");
  await a.join(); await b.join();
  assert((await c.get()) === 6, "lost an update");
}
`,
);

describe("interleave run / replay", () => {
  it("reports the failure with everything replay needs, and replay reproduces its trace in another process", async () => {
    const run = await cli("run", atomicityViolation, "--strategy", "pct", "--runs", "300", "--seed", "7", "--json");
    expect(run.code).toBe(1);
    const r = json(run);
    expect(r).toMatchObject({ verdict: "race", strategy: "pct", seed: 7 });
    expect(typeof r.schedulesRun).toBe("number");
    expect(typeof r.makespan).toBe("number");
    const f = r.failure as Record<string, unknown>;
    for (const key of ["verdict", "message", "schedule", "strategy", "seed", "trace", "traceHash"])
      expect(f).toHaveProperty(key);
    expect(r.schedulesRun).toBe((f.schedule as number) + 1);
    const trace = f.trace as { step: number; thread: string; op: string; time: number; line?: number }[];
    expect(trace.length).toBeGreaterThan(0);
    expect(
      trace.every(
        (e) =>
          typeof e.step === "number" &&
          typeof e.thread === "string" &&
          typeof e.op === "string" &&
          typeof e.time === "number",
      ),
    ).toBe(true);
    expect(trace.some((e) => e.thread === "A" && e.op === "get" && e.line === 6)).toBe(true);

    const replay = await cli(
      "replay",
      atomicityViolation,
      "--strategy",
      String(f.strategy),
      "--seed",
      String(f.seed),
      "--json",
    );
    expect(replay.code).toBe(1);
    expect(json(replay).traceHash).toBe(f.traceHash);

    const again = json(
      await cli("run", atomicityViolation, "--strategy", "pct", "--runs", "300", "--seed", "7", "--json"),
    );
    expect((again.failure as Record<string, unknown>).traceHash).toBe(f.traceHash);
  }, 60_000);

  it("exit 0 and no failure on a correct program; exit 2 with a message on bad usage", async () => {
    const ok = file(
      "ok.ts",
      `import { spawn } from "interleave";\nexport default async function main() { const t = spawn(async () => {}); await t.join(); }\n`,
    );
    const pass = await cli("run", ok, "--runs", "20", "--json");
    expect(pass.code).toBe(0);
    expect(json(pass)).toMatchObject({ verdict: "passed", schedulesRun: 20 });
    expect(json(pass)).not.toHaveProperty("failure");
    // Spread over two sandbox processes (issue 17): still exactly the runs asked for.
    const spread = await cli("run", ok, "--runs", "60", "--jobs", "2", "--json");
    expect(spread.code).toBe(0);
    expect(json(spread)).toMatchObject({ verdict: "passed", schedulesRun: 60 });
    for (const args of [
      ["run", path.join(tmp, "missing.ts")],
      ["run", ok, "--jobs", "0"],
      ["run", ok, "--strategy", "nope"],
      ["run", ok, "--runs", "x"],
      ["frobnicate"],
    ]) {
      const bad = await cli(...args);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toMatch(/^interleave: /);
      expect(bad.stdout).toBe("");
    }
  }, 120_000);
});

describe("interleave replay --schedule --stop (you are the scheduler)", () => {
  const counter = file(
    "counter.ts",
    `import { Shared, spawn, assert } from "interleave";
const counter = new Shared(0, "counter");
async function worker() {
  const v = await counter.get();
  await counter.set(v + 1);
}
export default async function main() {
  const a = spawn(worker, "A"); const b = spawn(worker, "B");
  await a.join(); await b.join();
  assert((await counter.get()) === 2, "lost an update");
}
`,
  );

  it("stops after the steps given and says who can run next, where; the full lost update exits 1", async () => {
    // main blocks in join, A reads, B reads: both now hold 0 and wait before their set.
    const mid = await cli("replay", counter, "--schedule", "0,1,1,2,2", "--stop", "--no-detectors", "--json");
    expect(mid.code).toBe(0);
    const state = json(mid) as {
      finished: boolean;
      runnable: number[];
      threads: { name: string; op: string; line: number }[];
    };
    expect(state.finished).toBe(false);
    expect(state.runnable).toEqual([1, 2]);
    expect(state.threads.filter((t) => t.name !== "MainThread").map((t) => `${t.name} ${t.op}:${t.line}`)).toEqual([
      "A set:5",
      "B set:5",
    ]);
    const end = await cli("replay", counter, "--schedule", "0,1,1,2,2,1,2,0,0,0", "--stop", "--no-detectors", "--json");
    expect(end.code).toBe(1);
    expect(json(end)).toMatchObject({ finished: true, verdict: "race", outcome: { message: "lost an update" } });
    const bad = await cli("replay", counter, "--schedule", "0,0", "--stop");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^interleave: the schedule is not reproducible at decision 1/);
  }, 60_000);
});

describe.concurrent("interleave grade: one exercise end to end, every verdict", () => {
  const counter = path.join(ROOT, "exercises/shared-counter");
  const cases: [string, string, string][] = [
    ["passed", counter, path.join(counter, "reference.ts")],
    ["race", counter, path.join(counter, "mutants/no-lock.ts")],
    ["wrong-answer", counter, path.join(counter, "mutants/no-join.ts")],
    ["deadlock", counter, path.join(counter, "mutants/double-acquire.ts")],
    ["compile-error", counter, file("syntax.ts", `export async function countConcurrently(: number) {}\n`)],
    [
      "runtime-error",
      counter,
      file("throws.ts", `export async function countConcurrently(): Promise<number> { throw new Error("not yet"); }\n`),
    ],
    [
      "timeout",
      counter,
      file("spins.ts", `export async function countConcurrently(): Promise<number> { for (;;) {} }\n`),
    ],
    [
      "memory-limit",
      counter,
      file(
        "hog.ts",
        `export async function countConcurrently(): Promise<number> { const xs: number[][] = []; for (;;) xs.push(new Array(1e5).fill(1)); }\n`,
      ),
    ],
    [
      "starvation",
      path.join(ROOT, "exercises/cas-loops"),
      path.join(ROOT, "exercises/cas-loops/mutants/stale-expected.ts"),
    ],
    [
      "too-slow",
      path.join(ROOT, "grader/grade/fixtures/parallel-sum"),
      path.join(ROOT, "grader/grade/fixtures/parallel-sum/mutants/serial.ts"),
    ],
  ];
  for (const [verdict, dir, solution] of cases) {
    it(
      verdict,
      async () => {
        const r = await cli("grade", dir, solution, "--json");
        const report = json(r);
        expect(report.verdict).toBe(verdict);
        expect(r.code).toBe(verdict === "passed" ? 0 : 1);
        expect(typeof report.score).toBe("number");
        expect(typeof report.maxScore).toBe("number");
        expect(Array.isArray(report.checks)).toBe(true);
        if (verdict === "passed") expect(report.score).toBe(report.maxScore);
        else expect(report.score).toBeLessThan(report.maxScore as number);
        if (verdict === "race" || verdict === "deadlock")
          expect(((report.failure as { trace: unknown[] }).trace ?? []).length).toBeGreaterThan(0);
      },
      120_000,
    );
  }
});

describe("interleave grade: graded as the editor checks (issue 14)", () => {
  it("a type error is a compile-error with file:line:col; one schedule is 'schedule'", async () => {
    const counter = path.join(ROOT, "exercises/shared-counter");
    const typed = file("typed.ts", `const q: number = "x";\nexport async function countConcurrently() { return 0; }\n`);
    const r = await cli("grade", counter, typed, "--json");
    expect(r.code).toBe(1);
    expect(json(r)).toMatchObject({
      verdict: "compile-error",
      score: 0,
      diagnostics: [
        { file: "typed.ts", line: 1, column: 7, message: "Type 'string' is not assignable to type 'number'." },
      ],
    });
    const ok = file("one.ts", `export default async function main() {}\n`);
    const run = await cli("run", ok, "--runs", "1");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/passed: 1 schedule explored/);
  }, 60_000);
});

describe("interleave validate", () => {
  it("proves one exercise and says so in JSON", async () => {
    const r = await cli("validate", path.join(ROOT, "exercises/shared-counter"), "--json");
    expect(r.code).toBe(0);
    const v = json(r) as {
      valid: boolean;
      exercises: {
        slug: string;
        chapter: number;
        valid: boolean;
        mutants: number;
        caught: number;
        fakes: { file: string; dodge: string; score: number; maxScore: number; verdict: string; rejected: boolean }[];
        fakesRejected: number;
        starter: { score: number; maxScore: number; ok: boolean };
      }[];
    };
    expect(v.valid).toBe(true);
    const e = v.exercises[0]!;
    expect(e).toMatchObject({ slug: "shared-counter", chapter: 3, valid: true, mutants: 4, caught: 4 });
    expect(e.fakes.length).toBeGreaterThanOrEqual(3);
    expect(e.fakesRejected).toBe(e.fakes.length);
    for (const f of e.fakes) {
      expect(f.file).toMatch(/^fakes\/[\w.-]+\.ts$/);
      expect(f.dodge.length).toBeGreaterThan(10);
      expect(f.score).toBeLessThan(f.maxScore / 2);
    }
    expect(e.starter).toMatchObject({ score: 0, maxScore: 100, ok: true });
  }, 120_000);

  it("an invalid manifest names the file and the field", async () => {
    const dir = path.join(tmp, "broken");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "exercise.json"),
      JSON.stringify({ id: "x", slug: "broken", title: "Broken", chapter: 42 }),
    );
    const r = await cli("validate", dir, "--json");
    expect(r.code).toBe(1);
    const problems = (json(r) as { problems: { path: string; message: string }[] }).problems;
    expect(problems.some((p) => p.path.endsWith("exercise.json") && /chapter/.test(p.message))).toBe(true);
  }, 60_000);
});
