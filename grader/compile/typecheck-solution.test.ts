import { describe, expect, it } from "vitest";
import { expectedExports, typecheckSolution } from "./typecheck-solution";

describe("typecheckSolution: the student's file as the editor checks it", () => {
  it("fires on a type error, with the editor's message at file:line:col", () => {
    expect(typecheckSolution(`export const n = 1;\nconst q: number = "x";\n`, "mine.ts")).toEqual([
      { file: "mine.ts", line: 2, column: 7, message: "Type 'string' is not assignable to type 'number'." },
    ]);
  }, 60_000);

  it("fires on a misuse of the runtime's API (checked against its declarations)", () => {
    const errors = typecheckSolution(
      `import { Lock } from "interleave";\nexport async function f() {\n  await new Lock().acquire({ timeout: "soon" });\n}\n`,
      "solution.ts",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "solution.ts", line: 3 });
  });

  it("fires on a name the runtime does not export", () => {
    const errors = typecheckSolution(`import { Mutex } from "interleave";\nexport const m = new Mutex();\n`, "s.ts");
    expect(errors[0]?.message).toMatch(/has no exported member 'Mutex'/);
  });

  it("stays quiet on correct code, `any`, and a file that opts out with // @ts-nocheck", () => {
    const ok = `import { Lock, Shared } from "interleave";\nexport async function f(x: any): Promise<number> {\n  const l = new Lock();\n  const s = new Shared(0);\n  await using _ = await l.hold();\n  await s.set(x.n);\n  return s.get();\n}\n`;
    expect(typecheckSolution(ok, "s.ts")).toEqual([]);
    expect(typecheckSolution(`// @ts-nocheck\nconst q: number = "x";\nexport {};\n`, "s.ts")).toEqual([]);
  });

  it("stays quiet on console output (print debugging, a sandbox global) and fires on a misused one", () => {
    expect(
      typecheckSolution(`export function f() {\n  console.log("here", 1);\n  console.error({ a: 1 });\n}\n`, "s.ts"),
    ).toEqual([]);
    expect(typecheckSolution(`export function f() {\n  console.print("x");\n}\n`, "s.ts")[0]?.message).toMatch(
      /Property 'print' does not exist on type 'Console'/,
    );
  });

  it("a syntax error is reported alone, without the type errors it causes", () => {
    const errors = typecheckSolution(`export function f( {\n  const q: number = "x";\n`, "s.ts");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => !e.message.includes("not assignable"))).toBe(true);
  });

  it("each check sees only the file it is given (no state left from the previous one)", () => {
    expect(typecheckSolution(`const q: number = "x";\nexport {};\n`, "a.ts")).toHaveLength(1);
    expect(typecheckSolution(`const q: number = 1;\nexport {};\n`, "b.ts")).toEqual([]);
  });
});

describe("a missing export is named with the starter's signature", () => {
  const starter = `import { Shared } from "interleave";\nexport async function countConcurrently(threads: number, perThread: number): Promise<number> { return threads * perThread; }\nexport interface Options { n: number }\nexport const helper = (a: number) => a;\n`;

  it("finds what the harness takes (named and through a namespace) that the starter exports as values", () => {
    const named = `import { countConcurrently, type Options } from "./solution";\nexport async function c() { await countConcurrently(2, 3); }\n`;
    expect(expectedExports(named, starter)).toEqual([
      { name: "countConcurrently", shown: "countConcurrently(threads, perThread)" },
    ]);
    const ns = `import * as solution from "./solution";\nexport async function c() { await solution.countConcurrently(2, 3); solution.helper(1); }\n`;
    expect(expectedExports(ns, starter).map((e) => e.shown)).toEqual([
      "countConcurrently(threads, perThread)",
      "helper(a)",
    ]);
  });

  it("fires when the solution renamed or un-exported the function", () => {
    const expected = expectedExports(`import { countConcurrently } from "./solution";\n`, starter);
    const renamed = `export async function countConcurently(threads: number, perThread: number) { return threads * perThread; }\n`;
    expect(typecheckSolution(renamed, "solution.ts", expected)).toEqual([
      {
        file: "solution.ts",
        line: 1,
        column: 1,
        message:
          "solution.ts does not export `countConcurrently(threads, perThread)`: the exercise calls it. Keep the starter's exported names (and `export` them).",
      },
    ]);
  });

  it("points at a declaration that lost its `export`", () => {
    const expected = expectedExports(`import { countConcurrently } from "./solution";\n`, starter);
    const unexported = `export const other = 1;\nasync function countConcurrently(threads: number, perThread: number) {\n  return threads * perThread;\n}\n`;
    expect(typecheckSolution(unexported, "solution.ts", expected)).toEqual([
      {
        file: "solution.ts",
        line: 2,
        column: 16,
        message:
          "solution.ts does not export `countConcurrently(threads, perThread)`: it declares countConcurrently but the exercise cannot call it; put `export` before it, as in the starter.",
      },
    ]);
  });

  it("stays quiet when it is exported, however (declaration, const, re-export list)", () => {
    const expected = expectedExports(`import { countConcurrently } from "./solution";\n`, starter);
    for (const ok of [
      `export async function countConcurrently(a: number, b: number) { return a * b; }\n`,
      `export const countConcurrently = async (a: number, b: number) => a * b;\n`,
      `async function mine(a: number, b: number) { return a * b; }\nexport { mine as countConcurrently };\n`,
    ])
      expect(typecheckSolution(ok, "solution.ts", expected)).toEqual([]);
  });
});
