import { describe, expect, it } from "vitest";
import type { LoadedExercise } from "../exercise/load";
import { manifestSchema } from "../exercise/manifest";
import { typecheckExercises } from "./typecheck-exercise";

function exercise(files: Partial<Pick<LoadedExercise, "starter" | "reference" | "harness">>): LoadedExercise {
  const manifest = manifestSchema.parse({
    id: "t",
    slug: "t",
    title: "Test",
    chapter: 3,
    difficulty: "easy",
    points: 1,
    summary: "a test exercise for the type check",
    checks: [{ id: "c", title: "check", export: "check", points: 1 }],
    mutants: [{ file: "mutants/m.ts", verdict: "race", bug: "bug" }],
  });
  const ok = `import { Lock } from "interleave";\nexport async function f(): Promise<number> { const l = new Lock(); await using _ = await l.hold(); return 1; }\n`;
  return {
    dir: "/tmp/t",
    manifest,
    statement: "",
    starter: files.starter ?? ok,
    reference: files.reference ?? ok,
    harness:
      files.harness ??
      `import { assert } from "interleave";\nimport { f } from "./solution";\nexport async function check() { assert((await f()) === 1, "one"); }\n`,
    mutants: [{ file: "mutants/m.ts", source: ok, verdict: "race", bug: "bug" }],
  };
}

describe("typecheckExercises", () => {
  it("quiet on files that use the runtime correctly (the harness sees the reference as ./solution)", () => {
    expect(typecheckExercises([exercise({})])).toEqual([]);
  });

  it("fires on a misuse of the API, naming the file and line", () => {
    const problems = typecheckExercises([
      exercise({
        starter: `import { Lock } from "interleave";\nexport async function f() { new Lock().acquire({ timeout: "soon" }); }\n`,
      }),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "/tmp/t/starter.ts", line: 2 });
  });

  it("fires when the harness calls something the reference does not export", () => {
    const problems = typecheckExercises([
      exercise({ harness: `import { g } from "./solution";\nexport async function check() { await g(); }\n` }),
    ]);
    expect(problems.some((p) => p.path === "/tmp/t/harness.ts")).toBe(true);
  });
});
