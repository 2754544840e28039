// Issue 4's figures: what the detectors cost during exploration, and how small shrunk
// counterexamples are on the bundled buggy programs. Ratios are measured in one run, side by
// side, because the machine is shared and noisy.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { explore, baseConfig } from "../grader/explore/explore";
import { Session } from "../grader/isolate/session";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const BUGGY = path.join(here, "../grader/programs/bench/buggy");

/** 4 threads × 50 lock-protected increments: every access has a happens-before edge to check. */
const FOUR_BY_FIFTY = `import { Lock, Shared, spawn, assert } from "interleave";
export default async function main() {
  const c = new Shared(0, "c"); const lock = new Lock("l");
  const ts = [0, 1, 2, 3].map((i) => spawn(async () => {
    for (let k = 0; k < 12; k++) { await lock.acquire(); const v = await c.get(); await c.set(v + 1); lock.release(); }
  }));
  for (const t of ts) await t.join();
  assert((await c.get()) === 48, "count");
}`;

function schedulesPerSecond(session: Session, detect: boolean, ms: number): number {
  const config = {
    ...baseConfig({
      cores: 4,
      maxSteps: 100_000,
      entryModule: "program.ts",
      entryExport: "default",
      detectors: detect,
    }),
    strategy: "random" as const,
  };
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    session.runSchedule({ ...config, seed: n });
    n++;
  }
  return (n * 1000) / (performance.now() - start);
}

export async function benchDetectorOverhead(ms = 2_000): Promise<Figure[]> {
  const session = Session.create([{ name: "program.ts", displayName: "four-by-fifty.ts", source: FOUR_BY_FIFTY }]);
  try {
    schedulesPerSecond(session, true, 300); // warm up
    // Interleave the two measurements so load on the machine hits both alike.
    let on = 0;
    let off = 0;
    for (let round = 0; round < 4; round++) {
      off += schedulesPerSecond(session, false, ms / 4);
      on += schedulesPerSecond(session, true, ms / 4);
    }
    on /= 4;
    off /= 4;
    return [
      { name: "exploration without detectors", value: Math.round(off), unit: "schedules/s" },
      { name: "exploration with race + lock-order detection", value: Math.round(on), unit: "schedules/s" },
      { name: "detector overhead (time ratio)", value: Number((off / on).toFixed(2)), unit: "×", goal: "≤ 2×" },
    ];
  } finally {
    session.dispose();
  }
}

/** Share of bundled buggy programs whose shrunk counterexample needs at most 2 preemptions. */
export async function benchShrinking(): Promise<Figure[]> {
  const files = readdirSync(BUGGY)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const rows: { file: string; found: boolean; original: number; shrunk: number }[] = [];
  for (const file of files) {
    const session = Session.create([
      { name: "program.ts", displayName: file, source: readFileSync(path.join(BUGGY, file), "utf8") },
    ]);
    try {
      // Detectors off: the detectors would report most of these on schedule 0 with no
      // preemption at all; here the stress schedules must find and shrink the failure itself.
      const r = explore(session, {
        strategy: "portfolio",
        runs: 1000,
        seed: 1,
        cores: 4,
        maxSteps: 50_000,
        entryModule: "program.ts",
        entryExport: "default",
        detectors: false,
      });
      const f = r.failure;
      rows.push({
        file,
        found: f !== undefined,
        original: f?.preemptions ?? 0,
        shrunk: f ? (f.shrunk?.preemptions ?? f.preemptions) : 0,
      });
    } finally {
      session.dispose();
    }
  }
  const found = rows.filter((r) => r.found);
  const small = found.filter((r) => r.shrunk <= 2).length;
  for (const r of rows)
    console.log(
      `  shrink ${r.file.padEnd(34)} ${r.found ? `${r.original} → ${r.shrunk} preemptions` : "not found without detectors"}`,
    );
  return [
    { name: "buggy programs found (detectors off, portfolio ≤ 1000)", value: found.length, unit: `of ${rows.length}` },
    {
      name: "shrunk counterexamples with ≤ 2 preemptions",
      value: found.length ? Number(((100 * small) / found.length).toFixed(1)) : 0,
      unit: "%",
      goal: "≥ 90%",
    },
    {
      name: "median preemptions before → after shrinking",
      value: median(found.map((r) => r.shrunk)),
      unit: `(before: ${median(found.map((r) => r.original))})`,
    },
  ];
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of [...(await benchDetectorOverhead()), ...(await benchShrinking())]) {
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? `   (goal ${f.goal})` : ""}`);
  }
}
