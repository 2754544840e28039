// Cost of FastTrack race detection per shared-memory access (issue 4 asks for the
// exploration overhead of race detection; this is the detector's share of it). A seeded
// synthetic trace: 4 threads, 1e6 accesses to 64 cells, each cell guarded by one of 4
// locks, in critical sections of 1–8 accesses, plus thread-local cells touched outside the
// locks; the threads' sections interleave at random. The trace is generated first and
// replayed into the detector, so only the detector is timed. Lock acquire/release calls
// are included in the time and counted in neither numerator nor denominator otherwise.
// Run alone: `npx tsx bench/detect-happens-before.ts`.

import { seededRandom } from "../grader/detect/linearizability/history-fixtures";
import { HappensBefore, type AccessSite } from "../grader/detect/race/happens-before";

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

const THREADS = 4;
const ACCESSES = 1_000_000;
const LOCKS = 4;
const SHARED_CELLS = 64;
const LOCAL_CELLS_PER_THREAD = 8;
const RUNS = 5;

const READ = 0;
const WRITE = 1;
const ACQUIRE = 2;
const RELEASE = 3;

interface Trace {
  kind: Uint8Array;
  thread: Uint8Array;
  target: Uint32Array;
  length: number;
  accesses: number;
}

/** `locked: false` drops the lock events: the same accesses, now racing. */
function generateTrace(seed: number, locked: boolean): Trace {
  const random = seededRandom(seed);
  const capacity = ACCESSES * 2;
  const kind = new Uint8Array(capacity);
  const thread = new Uint8Array(capacity);
  const target = new Uint32Array(capacity);
  let length = 0;
  let accesses = 0;
  const push = (k: number, t: number, x: number) => {
    kind[length] = k;
    thread[length] = t;
    target[length] = x;
    length++;
  };
  while (accesses < ACCESSES) {
    const t = Math.floor(random() * THREADS);
    if (random() < 0.25) {
      // Thread-local work outside any lock.
      const cell = SHARED_CELLS + t * LOCAL_CELLS_PER_THREAD + Math.floor(random() * LOCAL_CELLS_PER_THREAD);
      push(random() < 0.5 ? READ : WRITE, t, cell);
      accesses++;
      continue;
    }
    const lock = Math.floor(random() * LOCKS);
    if (locked) push(ACQUIRE, t, lock);
    const n = 1 + Math.floor(random() * 8);
    for (let i = 0; i < n && accesses < ACCESSES; i++) {
      // Cells guarded by `lock` are those with cell % LOCKS === lock.
      const cell = lock + LOCKS * Math.floor(random() * (SHARED_CELLS / LOCKS));
      push(random() < 0.6 ? READ : WRITE, t, cell);
      accesses++;
    }
    if (locked) push(RELEASE, t, lock);
  }
  return { kind, thread, target, length, accesses };
}

function replay(trace: Trace): { ms: number; races: number } {
  const hb = new HappensBefore();
  hb.fork(null, 0);
  for (let t = 1; t < THREADS; t++) hb.fork(0, t);
  const cells = Array.from({ length: SHARED_CELLS + THREADS * LOCAL_CELLS_PER_THREAD }, (_, i) => ({ cell: i }));
  const locks = Array.from({ length: LOCKS }, (_, i) => ({ lock: i }));
  // One site per (thread, op): the runtime allocates its own; the detector only keeps references.
  const sites: AccessSite[][] = Array.from({ length: THREADS }, (_, t) =>
    (["read", "write"] as const).map((op) => ({ thread: t, threadName: `T${t}`, op, target: "cell", step: 0 })),
  );
  const { kind, thread, target, length } = trace;
  const start = performance.now();
  for (let i = 0; i < length; i++) {
    const t = thread[i];
    switch (kind[i]) {
      case READ:
        hb.read(t, cells[target[i]], sites[t][0]);
        break;
      case WRITE:
        hb.write(t, cells[target[i]], sites[t][1]);
        break;
      case ACQUIRE:
        hb.acquire(t, locks[target[i]]);
        break;
      case RELEASE:
        hb.release(t, locks[target[i]]);
        break;
    }
  }
  return { ms: performance.now() - start, races: hb.races.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

export async function benchHappensBefore(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const locked of [true, false]) {
    const trace = generateTrace(42, locked);
    replay(trace); // warm-up
    const runs = Array.from({ length: RUNS }, () => replay(trace));
    const ns = (median(runs.map((r) => r.ms)) * 1e6) / trace.accesses;
    const label = locked ? "lock-protected" : "same accesses without the locks";
    figures.push({
      name: `happens-before (FastTrack) cost per access, ${label} (${THREADS} threads, 1e6 accesses, median of ${RUNS})`,
      value: Math.round(ns * 10) / 10,
      unit: "ns/access",
    });
    figures.push({
      name: `happens-before races reported, ${label}`,
      value: runs[0].races,
      unit: "races",
      goal: locked ? "0" : "> 0",
    });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchHappensBefore()) {
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ""}`);
  }
}
