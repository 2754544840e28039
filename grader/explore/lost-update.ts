// A data race shown as what it does (issue 14). The race detector stops a schedule at the
// first unordered access, which on the un-stressed schedule is typically Thread-2's first read
// after Thread-1 did all its increments: nothing visibly goes wrong. This finds a real schedule
// of the same program in which the race's two threads make the conflict visible — a read by
// one, a read of the same value by the other, then both writes, adjacent — so the second write
// overwrites the first (the lost update). It runs with the detectors off (they would stop it at
// the second read's write), and it must fail on its own: the program's own check sees the lost
// update. Its decisions replay it exactly: `replay --schedule ... --no-detectors`.
//
// The search is small and directed (Musuvathi & Qadeer's preemption bounding, aimed): from
// the un-stressed schedule, for each decision where one of the two threads runs, let it take
// one step (its read), hand the baton to the other for one to three steps (to its read), then
// back for one step (the first write) and over again for one (the second write); the rr rule
// finishes the schedule. Candidates run lenient, and what a candidate really did is the result.

import type { RaceAccess, ScheduleConfig, ScheduleResult, TraceEvent } from "../protocol/types";
import { SandboxFailure, type Session } from "../isolate/session";

export interface LostUpdate {
  /** The schedule's decisions (thread ids); replay with `--schedule` and `--no-detectors`. */
  decisions: number[];
  trace: TraceEvent[];
  traceHash: string;
  /** How the program failed on it (its own check: the lost update). */
  message: string;
  preemptions: number;
  /** Indices in `trace` of the read, read, write, write. */
  steps: [number, number, number, number];
  /** Schedules tried. */
  attempts: number;
}

const MAX_ATTEMPTS = 150;
const MAX_MS = 1_500;

/** Reads and writes of a plain shared variable, as the trace names them. */
const READS = new Set(["get"]);
const WRITES = new Set(["set"]);

/** Where the trace shows read(x), read(y), write(x), write(y) of `target`, adjacent, both reads of one value. */
export function lostUpdateAt(trace: readonly TraceEvent[], target: string): [number, number, number, number] | null {
  for (let i = 0; i + 3 < trace.length; i++) {
    const [r1, r2, w1, w2] = [trace[i]!, trace[i + 1]!, trace[i + 2]!, trace[i + 3]!];
    if (![r1, r2, w1, w2].every((e) => e.target === target)) continue;
    if (!READS.has(r1.op) || !READS.has(r2.op) || !WRITES.has(w1.op) || !WRITES.has(w2.op)) continue;
    if (r1.thread === r2.thread || w1.thread !== r1.thread || w2.thread !== r2.thread) continue;
    if (r1.value !== r2.value) continue;
    return [i, i + 1, i + 2, i + 3];
  }
  return null;
}

export function findLostUpdate(
  session: Session,
  config: ScheduleConfig,
  race: { target: string; first: RaceAccess; second: RaceAccess },
  threads: readonly string[],
  hash: (trace: readonly TraceEvent[]) => string,
): LostUpdate | undefined {
  const a = threads.indexOf(race.first.thread);
  const b = threads.indexOf(race.second.thread);
  if (a < 0 || b < 0 || a === b) return undefined;
  const started = performance.now();
  let attempts = 0;
  const base: ScheduleConfig = {
    ...config,
    strategy: "guided",
    detectRaces: false,
    detectLockOrder: false,
    // (A schedule that passes reports its decisions only when it records options.)
    recordOptions: true,
    trace: true,
  };
  const run = (guide: number[], lenient: boolean): ScheduleResult | null => {
    attempts++;
    try {
      return session.runSchedule({ ...base, guide, lenient });
    } catch (error) {
      if (error instanceof SandboxFailure) return null;
      throw error;
    }
  };
  const rr = run([], true);
  if (!rr) return undefined;
  const decisions = rr.decisions;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    for (let i = 0; i < decisions.length; i++) {
      if (decisions[i] !== x) continue;
      for (let m = 1; m <= 3; m++) {
        if (attempts >= MAX_ATTEMPTS || performance.now() - started > MAX_MS) return undefined;
        const guide = [...decisions.slice(0, i), x, ...Array<number>(m).fill(y), x, y];
        const r = run(guide, true);
        if (!r || r.outcome.kind === "passed" || !r.trace) continue;
        const steps = lostUpdateAt(r.trace, race.target);
        if (!steps) continue;
        // What the candidate really did, replayed as `replay --schedule` will: the same trace.
        const again = run(r.decisions, false);
        if (!again?.trace || hash(again.trace) !== hash(r.trace)) continue;
        return {
          decisions: r.decisions,
          trace: r.trace,
          traceHash: hash(r.trace),
          message: r.outcome.message,
          preemptions: r.preemptions,
          steps,
          attempts,
        };
      }
    }
  }
  return undefined;
}
