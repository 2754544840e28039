// Validate's three proofs (issue 12): the reference passes, mutants are caught, and fakes —
// solutions that dodge the exercise — score under half the points; the unchanged starter
// earns at most 30%; alternates — other correct solutions — score full points. One tiny
// exercise on disk, varied per test.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadExercise } from "../exercise/load";
import { SandboxPool } from "../workers/pool";
import { validateExercise } from "./validate";

const pool = new SandboxPool({ size: 2, taskTimeoutMs: 60_000 });
const root = mkdtempSync(path.join(tmpdir(), "interleave-validate-"));
afterAll(async () => {
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});

const REFERENCE = `export async function add(a: number, b: number): Promise<number> {\n  return a + b;\n}\n`;
const HARNESS = `import { assert } from "interleave";
import { add } from "./solution";
export async function small() { assert((await add(2, 3)) === 5, "2 + 3"); }
export async function large() { assert((await add(40, 2)) === 42, "40 + 2"); }
`;

function writeExercise(
  name: string,
  starter: string,
  fakes: Record<string, string>,
  alternates: Record<string, string> = {},
) {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "mutants"), { recursive: true });
  writeFileSync(
    path.join(dir, "exercise.json"),
    JSON.stringify({
      id: name,
      slug: name,
      title: "Adding",
      chapter: 3,
      difficulty: "intro",
      points: 100,
      summary: "add two numbers (a validate fixture)",
      checks: [
        { id: "small", title: "small numbers", export: "small", points: 40 },
        { id: "large", title: "large numbers", export: "large", points: 60 },
      ],
      schedules: { strategy: "rr", runs: 1, seed: 1, maxSteps: 10000 },
      mutants: [{ file: "mutants/minus.ts", verdict: "wrong-answer", bug: "subtracts" }],
    }),
  );
  writeFileSync(path.join(dir, "statement.md"), "Add.\n");
  writeFileSync(path.join(dir, "reference.ts"), REFERENCE);
  writeFileSync(path.join(dir, "harness.ts"), HARNESS);
  writeFileSync(path.join(dir, "starter.ts"), starter);
  writeFileSync(
    path.join(dir, "mutants/minus.ts"),
    `export async function add(a: number, b: number): Promise<number> {\n  return a - b;\n}\n`,
  );
  if (Object.keys(fakes).length > 0) mkdirSync(path.join(dir, "fakes"));
  for (const [file, source] of Object.entries(fakes)) writeFileSync(path.join(dir, "fakes", file), source);
  if (Object.keys(alternates).length > 0) mkdirSync(path.join(dir, "alternates"));
  for (const [file, source] of Object.entries(alternates)) writeFileSync(path.join(dir, "alternates", file), source);
  const { exercise, problems } = loadExercise(dir);
  if (!exercise) throw new Error(problems.map((p) => p.message).join("\n"));
  return exercise;
}

const TODO = `export async function add(a: number, b: number): Promise<number> {\n  throw new Error("TODO: add " + a + " and " + b);\n}\n`;
const CONSTANT = `// Fake: a constant answer, right for the first test only\nexport async function add(_a: number, _b: number): Promise<number> {\n  return 5;\n}\n`;
const PER_TEST = `// Fake: hard-coded answers for the two tests\nexport async function add(a: number, _b: number): Promise<number> {\n  return a === 2 ? 5 : 42;\n}\n`;

describe("validate: fakes and the starter", () => {
  it("stays quiet when every fake scores under half and the starter earns nothing", async () => {
    const v = await validateExercise(pool, writeExercise("quiet", TODO, { "constant.ts": CONSTANT }));
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.starter).toEqual({ score: 0, maxScore: 100, verdict: "runtime-error", ok: true });
    expect(v.fakes).toEqual([
      {
        file: "fakes/constant.ts",
        dodge: "a constant answer, right for the first test only",
        score: 40,
        maxScore: 100,
        verdict: "wrong-answer",
        rejected: true,
      },
    ]);
    expect(v.fakesRejected).toBe(1);
    expect(v.caught).toBe(1);
  }, 60_000);

  it("fires on a fake that scores half or more, naming the checks it passes", async () => {
    const v = await validateExercise(
      pool,
      writeExercise("fake-passes", TODO, { "constant.ts": CONSTANT, "per-test.ts": PER_TEST }),
    );
    expect(v.valid).toBe(false);
    expect(v.fakes.map((f) => [f.file, f.score, f.rejected])).toEqual([
      ["fakes/constant.ts", 40, true],
      ["fakes/per-test.ts", 100, false],
    ]);
    expect(v.fakesRejected).toBe(1);
    expect(v.problems).toEqual([
      "fakes/per-test.ts: not rejected — scores 100/100 (a fake must score under half): hard-coded answers for the two tests (passes small, large)",
    ]);
  }, 60_000);

  it("fires on a fake without its header, and still grades it", async () => {
    const v = await validateExercise(
      pool,
      writeExercise("no-header", TODO, { "anon.ts": CONSTANT.split("\n").slice(1).join("\n") }),
    );
    expect(v.valid).toBe(false);
    expect(v.fakes[0]).toMatchObject({ file: "fakes/anon.ts", dodge: "", score: 40, rejected: true });
    expect(v.problems).toEqual([
      'fakes/anon.ts: the first line must name the dodge: "// Fake: <the dodge, in a sentence>"',
    ]);
  }, 60_000);

  it("fires on a starter that scores more than 30% unchanged", async () => {
    const starter = `export async function add(_a: number, _b: number): Promise<number> {\n  return 5; // TODO\n}\n`;
    const v = await validateExercise(pool, writeExercise("generous-starter", starter, {}));
    expect(v.valid).toBe(false);
    expect(v.starter).toEqual({ score: 40, maxScore: 100, verdict: "wrong-answer", ok: false });
    expect(v.problems).toEqual([
      "starter.ts: the unchanged starter scores 40/100 (more than 30%): it earns points for nothing (passes small)",
    ]);
    expect(v.fakes).toEqual([]);
  }, 60_000);
});

// Another correct way to add (a loop of increments), and one that only looks correct: it
// handles the small case and gives up on the large one.
const LOOP = `// Alternate: counts up from a, one b at a time, instead of a + b
export async function add(a: number, b: number): Promise<number> {
  let sum = a;
  for (let i = 0; i < b; i++) sum++;
  return sum;
}
`;
const SMALL_ONLY = `// Alternate: counts up from a, but from 0 once a is large (wrong for the large case)
export async function add(a: number, b: number): Promise<number> {
  let sum = a > 10 ? 0 : a;
  for (let i = 0; i < b; i++) sum++;
  return sum;
}
`;

describe("validate: alternates (other correct solutions must score full points)", () => {
  it("stays quiet when every alternate scores full points", async () => {
    const v = await validateExercise(pool, writeExercise("alt-passes", TODO, {}, { "loop.ts": LOOP }));
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.alternates).toEqual([
      {
        file: "alternates/loop.ts",
        approach: "counts up from a, one b at a time, instead of a + b",
        score: 100,
        maxScore: 100,
        verdict: "passed",
        passed: true,
      },
    ]);
    expect(v.alternatesPassed).toBe(1);
  }, 60_000);

  it("fires on an alternate that loses points: the exercise is invalid (a false alarm)", async () => {
    const v = await validateExercise(
      pool,
      writeExercise("alt-fails", TODO, {}, { "loop.ts": LOOP, "small-only.ts": SMALL_ONLY }),
    );
    expect(v.valid).toBe(false);
    expect(v.alternates.map((a) => [a.file, a.score, a.verdict, a.passed])).toEqual([
      ["alternates/loop.ts", 100, "passed", true],
      ["alternates/small-only.ts", 40, "wrong-answer", false],
    ]);
    expect(v.alternatesPassed).toBe(1);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatch(
      /^alternates\/small-only\.ts: a correct alternate scores 40\/100 \(wrong-answer in check "large": .*\) — a false alarm: loosen the check$/,
    );
  }, 60_000);

  it("fires on an alternate without its header, and still grades it", async () => {
    const v = await validateExercise(
      pool,
      writeExercise("alt-no-header", TODO, {}, { "anon.ts": LOOP.split("\n").slice(1).join("\n") }),
    );
    expect(v.valid).toBe(false);
    expect(v.alternates[0]).toMatchObject({ file: "alternates/anon.ts", approach: "", score: 100, passed: true });
    expect(v.problems).toEqual([
      'alternates/anon.ts: the first line must name how it differs: "// Alternate: <how, in a sentence>"',
    ]);
  }, 60_000);

  it("has no alternates when the folder is missing", async () => {
    const v = await validateExercise(pool, writeExercise("alt-none", TODO, {}));
    expect(v.alternates).toEqual([]);
    expect(v.alternatesPassed).toBe(0);
  }, 60_000);
});
