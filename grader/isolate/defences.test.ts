// The sandbox's defences, each with a program that attacks it. The worst bug this product
// can have is a forged "passed": every attack here must end in a failing verdict.

import { afterAll, describe, expect, it } from "vitest";
import { exploreSource, program } from "../testing";
import { SandboxPool } from "../workers/pool";
import type { SandboxTask } from "../workers/tasks";

const pool = new SandboxPool({ size: 1, taskTimeoutMs: 90_000 });
afterAll(() => pool.close());

function task(
  source: string,
  overrides: Partial<Extract<SandboxTask, { kind: "explore" }>["options"]> = {},
  memoryMb = 128,
): SandboxTask {
  return {
    kind: "explore",
    limits: { memoryMb },
    files: [{ name: "program.ts", displayName: "program.ts", source }],
    options: {
      strategy: "portfolio",
      runs: 20,
      seed: 1,
      cores: 4,
      maxSteps: 20_000,
      entryModule: "program.ts",
      entryExport: "default",
      ...overrides,
    },
  };
}

describe("process-level defences (worker pool)", () => {
  it("unbounded Map growth kills only the worker: memory-limit, and the pool keeps working", async () => {
    // A small heap limit so that the test reaches it quickly even on a loaded machine.
    const answer = await pool.run(
      task(program(`const m = new Map(); for (let i = 0; ; i++) m.set(i, { i, s: "x".repeat(64) + i });`), {}, 16),
    );
    const verdict =
      answer.kind === "explored"
        ? answer.report.verdict
        : answer.kind === "crashed" && answer.memory
          ? "memory-limit"
          : JSON.stringify(answer);
    expect(verdict).toBe("memory-limit");
    if (answer.kind === "crashed") expect(answer.memory).toBe(true);
    const after = await pool.run(task(program(`assert(true);`)));
    expect(after.kind).toBe("explored");
    if (after.kind === "explored") expect(after.report.verdict).toBe("passed");
  }, 120_000);

  it("unbounded array growth is a memory-limit verdict", async () => {
    const answer = await pool.run(
      task(program(`const xs: string[][] = []; for (;;) xs.push(new Array(100000).fill("y"));`), {}, 16),
    );
    const verdict =
      answer.kind === "explored"
        ? answer.report.verdict
        : answer.kind === "crashed" && answer.memory
          ? "memory-limit"
          : answer.kind;
    expect(verdict).toBe("memory-limit");
  }, 120_000);

  it("the host watchdog ends a task that outlives it", async () => {
    const short = new SandboxPool({ size: 1, taskTimeoutMs: 1_500 });
    try {
      // Each schedule stays under the isolate's own timeout, but there are very many of them.
      const answer = await short.run(task(program(`for (let i = 0; i < 2e6; i++) {}`), { runs: 100_000 }));
      expect(answer.kind).toBe("timeout");
      const after = await short.run(task(program(`assert(true);`)));
      expect(after.kind).toBe("explored");
    } finally {
      await short.close();
    }
  }, 60_000);
});

describe("in-isolate defences", () => {
  const verdictOf = (body: string) => exploreSource(program(body), { runs: 5 });

  it("Atomics, SharedArrayBuffer, WeakRef, FinalizationRegistry and WebAssembly are gone", () => {
    for (const name of ["Atomics", "SharedArrayBuffer", "WeakRef", "FinalizationRegistry", "WebAssembly"]) {
      expect(verdictOf(`assert(typeof (globalThis as any).${name} === "undefined", "${name} present");`).verdict).toBe(
        "passed",
      );
    }
    const r = verdictOf(`(globalThis as any).Atomics.waitAsync(new Int32Array(new ArrayBuffer(4)), 0, 0);`);
    expect(r.verdict).toBe("runtime-error");
  });

  it("no host object is reachable: no process, no require beyond 'interleave', no boot object", () => {
    expect(
      verdictOf(
        `assert(typeof (globalThis as any).process === "undefined", "process"); assert(typeof (globalThis as any)["__interleave" + "Boot"] === "undefined", "boot"); assert(typeof (globalThis as any).require === "undefined", "require");`,
      ).verdict,
    ).toBe("passed");
    const r = exploreSource(
      `import * as fs from "fs"; export default async function main() { fs.readFileSync("/etc/passwd"); }`,
      { runs: 1 },
    );
    expect(r.verdict).toBe("runtime-error");
    expect(r.failure!.message).toMatch(/Cannot find module 'fs'/);
  });

  it("intrinsics are frozen: patching JSON, Array or Promise cannot forge a result", () => {
    for (const attack of [
      `JSON.stringify = () => '{"outcome":{"kind":"passed","message":""}}';`,
      `(Array.prototype as any).push = function () { return 0; };`,
      `(Promise.prototype as any).then = function () {};`,
      `Object.defineProperty(Object.prototype, "kind", { get() { return "passed"; } });`,
      `(Error as any).prepareStackTrace = () => "";`,
    ]) {
      const r = verdictOf(`${attack} assert(false, "must fail");`);
      expect(r.verdict, attack).not.toBe("passed");
    }
  });

  it("the interleave module is frozen", () => {
    const src = `import * as api from "interleave"; export default async function main() { (api as any).assert = () => {}; api.assert(false, "x"); }`;
    expect(exploreSource(src, { runs: 1 }).verdict).not.toBe("passed");
  });

  it("a caught assertion failure still fails the schedule", () => {
    expect(verdictOf(`try { assert(false, "caught"); } catch {}`).verdict).toBe("wrong-answer");
  });

  it("class fields named like frozen intrinsics still work (override mistake tamed)", () => {
    const r = verdictOf(
      `class MyError extends Error { constructor(m: string) { super(m); this.name = "MyError"; } } const e = new MyError("x"); assert(e.name === "MyError", "name"); const o: any = {}; o.toString = () => "o"; assert(String(o) === "o", "toString");`,
    );
    expect(r.verdict).toBe("passed");
  });

  it("time and randomness are virtual and seeded", () => {
    // At least 10 ms (a delay schedule may hold the thread back longer), and Date agrees with now().
    expect(
      verdictOf(
        `const t = Date.now(); const n = now(); await sleep(10); assert(Date.now() - t >= 10 && Date.now() - t === now() - n, "virtual time");`,
      ).verdict,
    ).toBe("passed");
  });

  it("a hostile error object does not crash the grader", () => {
    const r = verdictOf(
      `throw new Proxy({}, { get() { throw new Error("gotcha"); }, getPrototypeOf() { throw new Error("gotcha"); } });`,
    );
    expect(r.verdict).toBe("runtime-error");
  });

  it("huge names and messages are capped in reports", () => {
    const r = verdictOf(
      `const t = spawn(async () => { assert(false, "m".repeat(100000)); }, "n".repeat(100000)); await t.join();`,
    );
    expect(r.verdict).toBe("wrong-answer");
    expect(r.failure!.message.length).toBeLessThan(5_000);
    expect(JSON.stringify(r.failure!.trace).length).toBeLessThan(50_000);
  });

  it("a rejected promise nobody handles is the program's runtime-error, not a grader crash", () => {
    for (const body of [
      `Promise.reject(new Error("boom"));`,
      `const c = new Shared(0); const f = async () => { await c.get(); throw new Error("late"); }; void f();`,
    ]) {
      const r = verdictOf(body);
      expect(r.verdict, body).toBe("runtime-error");
      expect(r.failure!.message).toMatch(/nobody handled it/);
      expect(r.failure!.outcome.line).toBe(4);
    }
  });

  it("a syntax error is a compile-error with file:line:col", () => {
    expect(() => exploreSource(`export default async function main() {\n  let x = ;\n}`)).toThrowError(
      /program\.ts:2:11/,
    );
  });
});
