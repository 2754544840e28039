// What every thread was doing while the virtual clock moved (issue 14: the utilisation strip of
// a performance check). The trace has one event per scheduling point, which is not enough: a
// `work` event is when the thread *asked* for a core, not when it got one, instrumented
// computation leaves no event at all, and waiting for the GIL is invisible. The clock only moves
// in Scheduler.advanceTime, so sampling every thread's state there describes all of virtual time.

import {
  MAX_UTILISATION_SEGMENTS,
  type Utilisation,
  type UtilisationSegment,
  type UtilisationState,
} from "../protocol/utilisation";

export { MAX_UTILISATION_SEGMENTS } from "../protocol/utilisation";
export type { Utilisation, UtilisationSegment, UtilisationState } from "../protocol/utilisation";

const LOCK_OPS = new Set(["acquire"]);

export interface SampledThread {
  name: string;
  started: boolean;
  state: string;
  wait: { op: string; target: string } | null;
  loop: { holder: unknown } | null;
}

export class UtilisationRecorder {
  private readonly segments: UtilisationSegment[] = [];
  /** The open segment of each thread (extended while its state does not change). */
  private readonly open = new Map<string, UtilisationSegment>();
  private readonly names: string[] = [];
  private dropped = 0;

  /**
   * The clock moves from `from` to `to`; `cpuState` says, for a thread that wants CPU time,
   * whether it is on a core, waiting for one, or waiting for its process's GIL.
   */
  record<T extends SampledThread>(
    threads: readonly T[],
    from: number,
    to: number,
    cpuState: (t: T) => "busy" | "core" | "gil",
  ): void {
    if (!(to > from)) return;
    for (const t of threads) {
      if (!t.started) continue;
      const sample = classify(t, cpuState);
      if (!sample) continue;
      if (!this.names.includes(t.name)) this.names.push(t.name);
      const last = this.open.get(t.name);
      if (last && last.to === from && last.state === sample.state && last.target === sample.target) {
        last.to = to;
        continue;
      }
      if (this.segments.length >= MAX_UTILISATION_SEGMENTS) {
        this.dropped++;
        continue;
      }
      const segment: UtilisationSegment = { thread: t.name, state: sample.state, from, to };
      if (sample.target !== undefined) segment.target = sample.target;
      this.segments.push(segment);
      this.open.set(t.name, segment);
    }
  }

  result(): Utilisation {
    return { threads: [...this.names], segments: this.segments, dropped: this.dropped };
  }
}

function classify<T extends SampledThread>(
  t: T,
  cpuState: (t: T) => "busy" | "core" | "gil",
): { state: UtilisationState; target?: string } | null {
  switch (t.state) {
    case "working":
      return { state: cpuState(t) };
    case "sleeping":
      return { state: "sleep" };
    case "blocked": {
      const op = t.wait?.op ?? "wait";
      return { state: LOCK_OPS.has(op) ? "lock" : "wait", target: t.wait?.target };
    }
    case "runnable":
      return t.loop && t.loop.holder !== t ? { state: "loop" } : { state: "busy" };
    default:
      return null;
  }
}
