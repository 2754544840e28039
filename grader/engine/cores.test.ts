// Virtual cores and the GIL (issue 5), with analytic answers.

import { describe, expect, it } from "vitest";
import { program, runOnce } from "../testing";
import { amdahlSpeedup } from "../perf/amdahl";

const makespan = (src: string, cores: number, gil = false) => {
  const r = runOnce(src, { cores, gil });
  expect(r.outcome.kind, r.outcome.message).toBe("passed");
  return r.time;
};

describe("virtual cores", () => {
  it("perfectly parallel work gives speedup P exactly", () => {
    const src = program(
      `const ts = Array.from({ length: 8 }, () => spawn(() => work(100))); for (const t of ts) await t.join();`,
    );
    const t1 = makespan(src, 1);
    expect(t1).toBe(800);
    for (const p of [1, 2, 4, 8]) expect(t1 / makespan(src, p)).toBe(p);
  });

  it("a program with serial fraction 0.2 matches Amdahl's law (exactly, so within 1%)", () => {
    // 20 ms serial, then 80 ms split into 8 equal pieces: f = 0.2.
    const src = program(
      `await work(20); const ts = Array.from({ length: 8 }, () => spawn(() => work(10))); for (const t of ts) await t.join();`,
    );
    const t1 = makespan(src, 1);
    for (const p of [2, 4, 8]) {
      const s = t1 / makespan(src, p);
      expect(Math.abs(s - amdahlSpeedup(0.2, p)) / amdahlSpeedup(0.2, p)).toBeLessThan(0.01);
    }
  });

  it("the same holds when the work is real, instrumented computation", () => {
    const src = program(`
      const burn = (n: number) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; };
      burn(20480);
      const ts = Array.from({ length: 8 }, () => spawn(async () => { burn(10240); }));
      for (const t of ts) await t.join();
    `);
    const t1 = makespan(src, 1);
    expect(t1).toBeCloseTo(100, 0);
    for (const p of [2, 4, 8]) {
      const s = t1 / makespan(src, p);
      expect(Math.abs(s - amdahlSpeedup(0.2, p)) / amdahlSpeedup(0.2, p)).toBeLessThan(0.01);
    }
  });

  it("runnable threads beyond P wait first come, first served", () => {
    const src = program(`
      const done: Record<string, number> = {};
      const ts = [30, 10, 20].map((ms, i) => spawn(async () => { await work(ms); done["T" + i] = now(); }));
      for (const t of ts) await t.join();
      assert(done.T0 === 30 && done.T1 === 10 && done.T2 === 30, JSON.stringify(done));
    `);
    expect(makespan(src, 2)).toBe(30);
  });

  it("sleeping occupies no core", () => {
    const src = program(
      `const ts = Array.from({ length: 8 }, () => spawn(() => sleep(100))); for (const t of ts) await t.join();`,
    );
    expect(makespan(src, 1)).toBe(100);
  });

  it("the numbers are the same on every run", () => {
    const src = program(`
      const ts = Array.from({ length: 5 }, (_, i) => spawn(async () => { let s = 0; for (let k = 0; k < 3000 * (i + 1); k++) s += k; await work(i); }));
      for (const t of ts) await t.join();
    `);
    const runs = Array.from({ length: 3 }, () => runOnce(src, { cores: 2 }));
    expect(new Set(runs.map((r) => JSON.stringify([r.time, r.work, r.units, r.trace]))).size).toBe(1);
  });
});

describe("the GIL", () => {
  const cpuThreads = program(
    `const ts = Array.from({ length: 4 }, () => spawn(() => work(100))); for (const t of ts) await t.join();`,
  );
  const cpuProcesses = program(
    `const ps = Array.from({ length: 4 }, () => new Process(burn, { args: [100] })); for (const p of ps) await p.start(); for (const p of ps) await p.join();`,
    `import { Process } from "interleave";\nexport async function burn(ms: number) { await work(ms); }`,
  );

  it("CPU-bound threads get speedup 1.0 under the GIL", () => {
    expect(makespan(cpuThreads, 1, true) / makespan(cpuThreads, 4, true)).toBe(1);
    expect(makespan(cpuThreads, 4, true)).toBe(400);
  });

  it("CPU-bound processes still speed up: each process has its own GIL", () => {
    const s = makespan(cpuProcesses, 1, true) / makespan(cpuProcesses, 4, true);
    expect(s).toBeGreaterThan(3);
    expect(makespan(cpuProcesses, 4, true)).toBe(makespan(cpuProcesses, 4, false));
  });

  it("instrumented computation is serialized too", () => {
    const src = program(
      `const ts = Array.from({ length: 4 }, () => spawn(async () => { let s = 0; for (let k = 0; k < 10240; k++) s += k; })); for (const t of ts) await t.join();`,
    );
    expect(makespan(src, 4, true)).toBeCloseTo(makespan(src, 1, true), 6);
    expect(makespan(src, 4, false)).toBeLessThan(makespan(src, 4, true) / 3);
  });

  it("I/O-bound threads still overlap: sleep releases the GIL", () => {
    const src = program(
      `const ts = Array.from({ length: 4 }, () => spawn(async () => { await sleep(100); await work(1); })); for (const t of ts) await t.join();`,
    );
    expect(makespan(src, 4, true)).toBe(104);
    expect(makespan(src, 4, false)).toBe(101);
  });

  it("a thread waiting for the GIL gets it within the 5 ms switch interval", () => {
    const src = program(`
      const cpu = spawn(() => work(100), "cpu");
      let answered = -1;
      const io = spawn(async () => { await sleep(1); await work(1); answered = now(); }, "io");
      await cpu.join(); await io.join();
      assert(answered === 7, "answered at " + answered);
    `);
    expect(makespan(src, 4, true)).toBe(101);
  });
});
