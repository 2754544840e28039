// The speedup report for people: one row per core count, then what the numbers mean.

import type { SpeedupReport } from "./speedup";

const ms = (x: number) => `${Number(x.toFixed(3))} ms`;
const times = (x: number | null) => (x === null ? "—" : `${x.toFixed(2)}×`);
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const frac = (x: number | null) => (x === null ? "—" : x.toFixed(3));

export function formatSpeedup(file: string, r: SpeedupReport): string {
  const out: string[] = [];
  out.push(
    `Speedup of ${file} — the rr schedule on the deterministic cost model (virtual ms)${r.gil ? ", with the GIL" : ""}`,
  );
  out.push(
    `  work ${ms(r.work)} of CPU · T1 ${ms(r.t1)} on 1 core · span T∞ ${ms(r.span)} · parallelism T1/T∞ ${r.parallelism === null ? "—" : r.parallelism.toFixed(2)}`,
  );
  out.push("");
  out.push("  cores     makespan   speedup  efficiency  Karp–Flatt e  Amdahl(e)");
  for (const p of r.points) {
    out.push(
      `  ${String(p.cores).padStart(5)}  ${ms(p.makespan).padStart(11)}  ${times(p.speedup).padStart(8)}  ${pct(p.efficiency).padStart(10)}  ${frac(p.karpFlatt).padStart(12)}  ${times(p.amdahl).padStart(9)}`,
    );
  }
  out.push("");
  if (r.serialFraction !== null) {
    const limit =
      r.amdahlLimit === null
        ? "no limit (perfectly parallel)"
        : `at most ${r.amdahlLimit.toFixed(2)}× on any number of cores`;
    out.push(
      `  Serial fraction (Karp–Flatt, ${r.serialFractionCores} cores): ${r.serialFraction.toFixed(3)} → Amdahl: ${limit}.`,
    );
  }
  if (r.serial && r.serial.total > 0) {
    out.push(
      `  Serial part: ${r.serial.text} (${ms(r.serial.time)} of the ${ms(r.serial.total)} during which only one thread was computing).`,
    );
  }
  return out.join("\n");
}
