import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { findCycles, importGraph, layerViolations, moduleSpecifiers } from "./check-import-cycles";

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Writes `files` (relative name → source) into a fresh folder and returns their import graph. */
function graphOf(files: Record<string, string>): Map<string, string[]> {
  dir = mkdtempSync(path.join(tmpdir(), "import-cycles-"));
  const paths = Object.entries(files).map(([name, text]) => {
    const full = path.join(dir!, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  });
  return importGraph(paths, OPTIONS);
}

/** The cycles between `files`, by relative name. */
function cyclesOf(files: Record<string, string>): string[][] {
  return findCycles(graphOf(files)).map((cycle) => cycle.map((f) => path.relative(dir!, f)));
}

/** The layer violations between `files` (a grader/ tree), by relative name. */
function violationsOf(files: Record<string, string>): string[][] {
  const graph = graphOf(files);
  return layerViolations(graph, dir!).map((pair) => pair.map((f) => path.relative(dir!, f)));
}

describe("check-import-cycles", () => {
  it("must fire: a planted cycle across folders, listed from its first file back to it", () => {
    const cycles = cyclesOf({
      "engine/scheduler.ts": 'import { quiet } from "../detect/monitor";\nexport const run = quiet;',
      "detect/monitor.ts": 'import type { Scheduler } from "../engine/context";\nexport const quiet = 1;',
      "engine/context.ts": 'import { run } from "./scheduler";\nexport type Scheduler = typeof run;',
      "cli/main.ts": 'import { run } from "../engine/scheduler";\nrun;',
    });
    expect(cycles).toEqual([["detect/monitor.ts", "engine/context.ts", "engine/scheduler.ts", "detect/monitor.ts"]]);
  });

  it("must fire: a cycle hidden behind a lazy import(), and one through `export … from`", () => {
    const cycles = cyclesOf({
      "main.ts": 'export async function main() { return (await import("./commands")).run(); }',
      "commands.ts": 'import { main } from "./main";\nexport const run = () => main;',
      "a.ts": 'export * from "./b";\nexport const a = 1;',
      "b.ts": 'export { a } from "./a";',
    });
    expect(cycles).toEqual([
      ["a.ts", "b.ts", "a.ts"],
      ["commands.ts", "main.ts", "commands.ts"],
    ]);
  });

  it("must stay quiet: an acyclic set with shared leaves, packages and unresolvable names", () => {
    const cycles = cyclesOf({
      "protocol/types.ts": 'import { z } from "zod";\nexport const schema = z.string();',
      "engine/scheduler.ts": 'import type { schema } from "../protocol/types";\nexport type S = typeof schema;',
      "detect/race.ts":
        'import type { S } from "../engine/scheduler";\nimport "../protocol/types";\nexport type R = S;',
      "cli/main.ts":
        'import type { R } from "../detect/race";\nimport type { S } from "../engine/scheduler";\nimport "node:fs";\nimport "./missing";\nexport type M = R | S;',
    });
    expect(cycles).toEqual([]);
  });

  it("reads every kind of module specifier", () => {
    const text = [
      'import a from "./a";',
      'import type { B } from "./b";',
      'export { c } from "./c";',
      'export * from "./d";',
      'import "./e";',
      'const f = await import("./f");',
      'type G = import("./g").G;',
      'const notAnImport = "./h";',
    ].join("\n");
    expect(moduleSpecifiers("x.ts", text)).toEqual(["./a", "./b", "./c", "./d", "./e", "./f", "./g"]);
  });

  it("must fire: a layer importing upwards (the engine reaching into exploration, a detector into the engine)", () => {
    const violations = violationsOf({
      "explore/explore.ts": "export const explore = 1;",
      "engine/scheduler.ts": 'import { explore } from "../explore/explore";\nexport const s = explore;',
      "detect/race/happens-before.ts": 'import { s } from "../../engine/scheduler";\nexport const hb = s;',
    });
    expect(violations).toEqual([
      ["detect/race/happens-before.ts", "engine/scheduler.ts"],
      ["engine/scheduler.ts", "explore/explore.ts"],
    ]);
  });

  it("must stay quiet: imports down the table, the detectors' wiring into the engine, and tests anywhere", () => {
    const violations = violationsOf({
      "protocol/types.ts": "export type T = number;",
      "detect/deadlock/wait-for.ts": 'import type { T } from "../../protocol/types";\nexport type W = T;',
      "engine/scheduler.ts": 'import type { W } from "../detect/deadlock/wait-for";\nexport type S = W;',
      "detect/detectors.ts": 'import type { S } from "../engine/scheduler";\nexport type D = S;',
      "isolate/boot.ts": 'import type { D } from "../detect/detectors";\nexport type B = D;',
      "engine/core.test.ts": 'import type { B } from "../isolate/boot";\nexport type X = B;',
      "cli/main.ts": 'import type { B } from "../isolate/boot";\nexport type M = B;',
    });
    expect(violations).toEqual([]);
  });
});
