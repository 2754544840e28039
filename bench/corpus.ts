// The bundled benchmark programs (grader/programs/bench): classic buggy programs a
// grader must catch and their fixed versions it must pass. Shared by `npm run bench` and
// the corpus test (grader/programs/bench/bench-programs.test.ts).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchProgram {
  /** File name without `.ts`, e.g. "lost-update-counter". */
  name: string;
  kind: "buggy" | "correct";
  path: string;
  source: string;
}

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../grader/programs/bench");

function load(kind: BenchProgram["kind"]): BenchProgram[] {
  const dir = path.join(CORPUS_DIR, kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return { name: f.slice(0, -3), kind, path: file, source: readFileSync(file, "utf8") };
    });
}

export function buggyPrograms(): BenchProgram[] {
  return load("buggy");
}

export function correctPrograms(): BenchProgram[] {
  return load("correct");
}
