import { describe, expect, it } from "vitest";
import { exploreSource, program, runOnce } from "../testing";
import { UNIT_MS } from "../engine/costs";
import { compileModule } from "./transpile";

function js(source: string): string {
  const r = compileModule("p.ts", "p.ts", source);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.module.js;
}

describe("cost-counting transformer", () => {
  it("ticks every loop body and function entry with the body's weight and line", () => {
    const out = js(`export function f(xs: number[]) {
  let s = 0;
  for (const x of xs) s += x;
  for (let i = 0; i < 3; i++) {
    s++;
    if (s > 2) { s--; }
  }
  while (s > 0) s--;
  do { s++; } while (s < 2);
  const g = (y: number) => ({ y });
  return [s, g];
}`);
    expect(out).toContain("__interleave_tick(7, 1)"); // entry of f, at its body's line: its 7 statements
    expect(out).toContain("__interleave_tick(1, 3)"); // for-of, one statement
    expect(out).toContain("__interleave_tick(3, 4)"); // s++, if, s--
    expect(out).toContain("__interleave_tick(1, 8)"); // while
    expect(out).toContain("__interleave_tick(1, 9)"); // do-while
    expect(out).toMatch(/\(y\) => \(__interleave_tick\(1, 10\), \(\{ y \}\)\)/);
  });

  it("weighs a long expression by its operations, a short statement as one unit", () => {
    // Math.imul(...) ^ ((x + 1) * 2 - (x % 5)): a call, ^, >>>, ^, +, *, -, % = 8 operations → 2 units.
    expect(js(`export const f = (x: number) => Math.imul(x ^ (x >>> 15), 3) ^ ((x + 1) * 2 - (x % 5));`)).toMatch(
      /__interleave_tick\(2, 1\), Math\.imul/,
    );
    // s += a[i] * b[i]: += and * (indexing is a load, like a property) → still one unit.
    expect(
      js(
        `export function f(a: number[], b: number[]) { let s = 0;\nfor (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;\nreturn s; }`,
      ),
    ).toContain("__interleave_tick(1, 2)");
    // A loop header longer than OPS_PER_UNIT operations runs on every iteration: it adds.
    expect(
      js(
        `export function f(a: number[]) { let i = 0;\nwhile (i < a.length && a[i]! * 2 + a[i + 1]! * 3 < f(a) - g(a)) i++;\nreturn i; }\nfunction g(a: number[]) { return a.length; }`,
      ),
    ).toContain("__interleave_tick(2, 2)"); // i++ and 10 operations in the header: 1 + (2 - 1)
  });

  it("ticks the module's top level with the weight of its statements", () => {
    const out = js(
      `import { work } from "interleave";\nconst a = [1, 2, 3];\nconst b = a.length * 2 + 1;\nexport default async function main() { await work(b); }`,
    );
    expect(out).toMatch(/__interleave_tick\(2, 1\);[\s\S]*const a = \[1, 2, 3\]/);
  });

  it("keeps a function's directive prologue first", () => {
    expect(js(`export function f() { "use strict"; return 1; }`)).toMatch(/"use strict";\s*__interleave_tick/);
  });

  it("rejects names that could reach or shadow the hidden counter", () => {
    const r = compileModule("p.ts", "p.ts", `export const x = 1;\nlet __interleave_tick = () => {};`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]).toMatchObject({ line: 2, column: 5 });
      expect(r.diagnostics[0]!.message).toMatch(/reserved by the Interleave runtime/);
    }
  });

  it("the counter is a closure variable: not in the module's arguments, not reachable through callers", () => {
    const r = runOnce(`import { assert } from "interleave";
const args = arguments as unknown as unknown[];
let calleeRefused = false;
try {
  void (arguments as unknown as { callee?: unknown }).callee;
} catch {
  calleeRefused = true;
}
export default async function main() {
  assert(args.length === 3 && args[3] === undefined, "arguments has " + args.length + " entries");
  assert(args[0] === exports && (args[2] as { exports: unknown }).exports === exports, "exports and module");
  let refused = "";
  try { (args[1] as (s: string) => unknown)("node:fs"); } catch (e) { refused = String(e); }
  assert(/Cannot find module 'node:fs'/.test(refused), "require gives only the allowed modules: " + refused);
  assert(calleeRefused, "strict: arguments.callee is refused");
}`);
    expect(r.outcome.kind, r.outcome.message).toBe("passed");
  });

  it("the counter is not a global the program can see", () => {
    const r = runOnce(
      program(`assert(typeof (globalThis as any)["__interleave" + "_tick"] === "undefined", "global tick");`),
    );
    expect(r.outcome.kind).toBe("passed");
  });

  it("trace lines stay the student's lines after instrumentation", () => {
    const r = runOnce(
      program(`
      let s = 0;
      for (let i = 0; i < 10; i++) {
        s += i;
      }
      const c = new Shared(0, "c");
      await c.set(s);
      while (s > 40) { s--; }
      await c.get();
    `),
    );
    expect(r.trace!.find((e) => e.op === "set")!.line).toBe(10);
    expect(r.trace!.find((e) => e.op === "get")!.line).toBe(12);
  });
});

describe("deterministic cost of computation", () => {
  const loop = (n: number) =>
    program(`let s = 0; for (let i = 0; i < ${n}; i++) { s += i; } await yieldNow(); assert(s >= 0, "sum");`);

  it("an instrumented loop costs in proportion to its iterations", () => {
    const times = [1024, 2048, 8192, 65536].map((n) => runOnce(loop(n)).time);
    // One unit per iteration, plus main's four statements and the module's top level (one
    // unit): (n + 5) / 1024 ms, exactly.
    expect(times).toEqual([1029, 2053, 8197, 65541].map((u) => u * UNIT_MS));
    expect((times[3]! - times[2]!) / (times[1]! - times[0]!)).toBe(56);
  });

  it("a short burst between scheduling points is free (glue code never perturbs a makespan)", () => {
    const r = runOnce(loop(100));
    expect(r.time).toBe(0);
    expect(r.units).toBe(105);
  });

  it("computation shows in the makespan and splits across cores", () => {
    const src = program(`
      const ts = [1, 2, 3, 4].map((i) => spawn(async () => { let s = 0; for (let k = 0; k < 10240; k++) s += k; }));
      for (const t of ts) await t.join();
    `);
    const one = runOnce(src, { cores: 1 }).time;
    const four = runOnce(src, { cores: 4 }).time;
    expect(one).toBeCloseTo(40, 0);
    expect(one / four).toBeCloseTo(4, 2);
  });

  it("for (;;) {} is a deterministic timeout, not a wall-clock watchdog", () => {
    const spin = program(`for (;;) {}`);
    const a = runOnce(spin, { maxSteps: 1_000 });
    const b = runOnce(spin, { maxSteps: 1_000 });
    expect(a.outcome.kind).toBe("step-limit");
    expect(a.outcome.message).toMatch(/MainThread computed for more than .* of virtual CPU time/);
    expect(a.outcome).toMatchObject({ line: 4 });
    expect(a.units).toBe(b.units);
    expect(a.outcome).toEqual(b.outcome);
    const r = exploreSource(spin, { runs: 3, maxSteps: 1_000 });
    expect(r.verdict).toBe("timeout");
  });

  it("a spinning worker is stopped the same way, and catching the error does not help", () => {
    const r = exploreSource(
      program(`
      const t = spawn(async () => { for (;;) { try { for (;;) {} } catch { /* swallow */ } } }, "Spinner");
      await t.join();
    `),
      { runs: 2, maxSteps: 1_000 },
    );
    expect(r.verdict).toBe("timeout");
    expect(r.failure!.outcome.message).toMatch(/Spinner computed for more than/);
  });
});
