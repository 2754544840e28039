import { afterEach, describe, expect, it } from "vitest";
import { compileModule, setInstrumentationForBenchmarks } from "./transpile";

// Issue 17: compiled files are kept (a sandbox compiles the same harness for every submission).
// A kept result must be exactly what compiling again gives, for the same inputs only.

const SOURCE = `export function add(a: number, b: number) {\n  let s = a;\n  for (let i = 0; i < b; i++) s++;\n  return s;\n}\n`;

describe("compileModule's cache", () => {
  afterEach(() => setInstrumentationForBenchmarks(true));

  it("gives the kept result for the same file, and a fresh one for any other input", () => {
    const first = compileModule("solution.ts", "solution.ts", SOURCE);
    expect(compileModule("solution.ts", "solution.ts", SOURCE)).toBe(first);
    const renamed = compileModule("harness.ts", "solution.ts", SOURCE);
    expect(renamed).not.toBe(first);
    expect(renamed.ok && renamed.module.name).toBe("harness.ts");
    const edited = compileModule("solution.ts", "solution.ts", SOURCE.replace("s++", "s += 1"));
    expect(edited.ok && first.ok && edited.module.js !== first.module.js).toBe(true);
  });

  it("does not hand an instrumented module to an uninstrumented compile", () => {
    const instrumented = compileModule("solution.ts", "solution.ts", SOURCE);
    setInstrumentationForBenchmarks(false);
    const plain = compileModule("solution.ts", "solution.ts", SOURCE);
    expect(instrumented.ok && plain.ok).toBe(true);
    if (instrumented.ok && plain.ok) expect(plain.module.js).not.toBe(instrumented.module.js);
  });

  it("keeps compile errors too, with their lines", () => {
    const broken = compileModule("solution.ts", "solution.ts", "export const x = ;\n");
    expect(broken.ok).toBe(false);
    expect(compileModule("solution.ts", "solution.ts", "export const x = ;\n")).toEqual(broken);
  });
});
