import { assert, spawn, work } from "interleave";
import { amdahlSpeedup, karpFlatt, measureSpeedup } from "./solution";

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const show = (x: unknown) => (typeof x === "number" ? String(Number(x.toPrecision(10))) : String(x));

/**
 * A program with a known serial fraction: `serialMs` of work in the calling thread, then
 * `parallelMs` shared out equally between `threads` threads. Runs on 4 virtual cores.
 */
function workload(serialMs: number, parallelMs: number) {
  let runs = 0;
  const run = async (threads: number): Promise<void> => {
    runs++;
    await work(serialMs);
    const workers = Array.from({ length: threads }, (_, i) => spawn(() => work(parallelMs / threads), `Part-${i + 1}`));
    for (const w of workers) await w.join();
  };
  return { run, runs: () => runs };
}

export async function formulas() {
  const cases: [number, number, number][] = [
    [0.25, 4, 1 / (0.25 + 0.75 / 4)],
    [0.1, 8, 1 / (0.1 + 0.9 / 8)],
    [0, 8, 8],
    [1, 8, 1],
    [0.5, 2, 4 / 3],
  ];
  for (const [f, p, want] of cases) {
    const got = amdahlSpeedup(f, p);
    assert(close(got, want), `amdahlSpeedup(${f}, ${p}) should be ${show(want)}, got ${show(got)}`);
  }
  const kf: [number, number, number][] = [
    [1 / (0.25 + 0.75 / 4), 4, 0.25],
    [4, 4, 0],
    [1, 4, 1],
    [2.5, 8, (1 / 2.5 - 1 / 8) / (1 - 1 / 8)],
  ];
  for (const [s, p, want] of kf) {
    const got = karpFlatt(s, p);
    assert(close(got, want), `karpFlatt(${show(s)}, ${p}) should be ${show(want)}, got ${show(got)}`);
  }
  // The two are inverses of each other: the serial fraction Amdahl's speedup implies is f.
  for (const f of [0.05, 0.2, 0.6])
    for (const p of [2, 3, 16]) {
      const back = karpFlatt(amdahlSpeedup(f, p), p);
      assert(close(back, f), `karpFlatt(amdahlSpeedup(${f}, ${p}), ${p}) should give back ${f}, got ${show(back)}`);
    }
}

/** f = 0.25 (25 ms serial, 75 ms parallel): measured on 2 and on 4 threads, 4 cores. */
export async function measured() {
  const w = workload(25, 75);
  for (const p of [2, 4]) {
    const before = w.runs();
    const s = await measureSpeedup(w.run, p);
    const want = 100 / (25 + 75 / p);
    assert(
      w.runs() - before === 2,
      `measureSpeedup(run, ${p}) called run ${w.runs() - before} times; it needs exactly two runs, run(1) and run(${p})`,
    );
    assert(
      close(s, want),
      `measureSpeedup(run, ${p}) should measure T(1) / T(${p}) = 100 / ${25 + 75 / p} = ${show(want)} virtual ms, got ${show(s)}`,
    );
    const e = karpFlatt(s, p);
    assert(
      close(e, 0.25),
      `this program has serial fraction 0.25: karpFlatt of its measured speedup ${show(s)} on ${p} threads should be 0.25, got ${show(e)}`,
    );
    const predicted = amdahlSpeedup(0.25, p);
    assert(
      close(predicted, s),
      `Amdahl predicts ${show(predicted)} for f = 0.25 on ${p} threads, but ${show(s)} was measured`,
    );
  }
}

export async function edges() {
  for (const s of [1, 1.5]) {
    const e = karpFlatt(s, 1);
    assert(
      e === null,
      `karpFlatt(${s}, 1) is undefined (one core has no serial fraction): return null, got ${show(e)}`,
    );
  }
  for (const f of [0, 0.3, 1]) {
    const s = amdahlSpeedup(f, 1);
    assert(close(s, 1), `amdahlSpeedup(${f}, 1) should be 1 (one core), got ${show(s)}`);
  }
}

/** f = 0.2 on 8 threads but only 4 cores: the measured serial fraction comes out higher. */
export async function moreThreadsThanCores() {
  const w = workload(20, 80);
  const s = await measureSpeedup(w.run, 8);
  const want = 100 / (20 + 80 / 4);
  assert(close(s, want), `measureSpeedup(run, 8) on 4 cores should measure 100 / 40 = ${show(want)}, got ${show(s)}`);
  const e = karpFlatt(s, 8);
  const wantE = (1 / want - 1 / 8) / (1 - 1 / 8);
  assert(close(e, wantE), `karpFlatt(${show(s)}, 8) should be ${show(wantE)}, got ${show(e)}`);
}
