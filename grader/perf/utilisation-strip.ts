// The utilisation strip of a performance check (issue 14): what each thread did over the
// virtual time of the measured schedule, summarised into a fixed number of equal time buckets
// so the report stays small (one short string per thread, whatever the program did) and
// survives the worker's report trimming. Exact totals per state come with it.

import type { Utilisation, UtilisationState } from "../protocol/utilisation";
import { round6 } from "./amdahl";

/** One letter per bucket: the state the thread spent most of that bucket in; "." for none. */
export const STRIP_LETTERS: Record<UtilisationState, string> = {
  busy: "b",
  core: "c",
  gil: "g",
  lock: "l",
  wait: "w",
  sleep: "s",
  loop: "o",
};

export interface UtilisationStrip {
  /** Virtual ms covered (0 to the makespan). */
  end: number;
  /** Virtual ms per bucket (end / number of buckets). */
  bucket: number;
  threads: {
    name: string;
    /** One letter per bucket (STRIP_LETTERS), "." when the thread was not alive. */
    strip: string;
    /** Virtual ms in each state over the whole run. */
    totals: Partial<Record<UtilisationState, number>>;
  }[];
  /** The schedule switched more often than was recorded: the strip ends early. */
  partial: boolean;
}

export const STRIP_BUCKETS = 120;

export function utilisationStrip(
  utilisation: Utilisation | undefined,
  end: number,
  buckets = STRIP_BUCKETS,
): UtilisationStrip | null {
  if (!utilisation || !(end > 0) || utilisation.threads.length === 0) return null;
  const width = end / buckets;
  const threads = utilisation.threads.map((name) => {
    const share = Array.from({ length: buckets }, () => new Map<UtilisationState, number>());
    const totals: Partial<Record<UtilisationState, number>> = {};
    for (const s of utilisation.segments) {
      if (s.thread !== name) continue;
      totals[s.state] = (totals[s.state] ?? 0) + (s.to - s.from);
      const first = Math.max(0, Math.floor(s.from / width));
      const last = Math.min(buckets - 1, Math.ceil(s.to / width) - 1);
      for (let b = first; b <= last; b++) {
        const overlap = Math.min(s.to, (b + 1) * width) - Math.max(s.from, b * width);
        if (overlap > 0) share[b]!.set(s.state, (share[b]!.get(s.state) ?? 0) + overlap);
      }
    }
    const strip = share
      .map((m) => {
        let best: UtilisationState | null = null;
        for (const [state, time] of m) if (best === null || time > m.get(best)!) best = state;
        return best === null ? "." : STRIP_LETTERS[best];
      })
      .join("");
    for (const k of Object.keys(totals) as UtilisationState[]) totals[k] = round6(totals[k]!);
    return { name, strip, totals };
  });
  return { end: round6(end), bucket: round6(width), threads, partial: utilisation.dropped > 0 };
}
