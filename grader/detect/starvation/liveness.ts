// When a schedule runs out of scheduling points, was the program still working, or going
// round in circles? Coyote calls the second a liveness bug (hot monitors); Lincheck reports
// it as a livelock or an obstruction. We read the end of the trace: if no shared state
// reached a value it had not had before, the program is cycling — a thread that only
// retries there is starved; if every thread "succeeds" but nothing changes, it is a livelock.
// The schedule ran with a fair suffix (scheduler.ts, FAIR_AFTER_STREAK), so a spin-wait that
// a fair scheduler would let finish is not reported.

import type { TraceEvent } from "../../protocol/types";

export interface LivenessVerdict {
  verdict: "starvation" | "timeout";
  message: string;
  /** Threads that made no progress at the end. */
  starved: string[];
  /** The lines the starved (or livelocked) threads kept executing. */
  lines: number[];
}

const WRITES = new Set(["set", "store", "fetchAdd", "exchange", "put"]);
/** Events that achieve something (as opposed to trying, waiting or looking). */
function isSuccess(e: TraceEvent): boolean {
  if (WRITES.has(e.op) || e.op === "end" || e.op === "join" || e.op === "taskDone") return true;
  if (e.op === "get" && e.target !== undefined && e.value !== undefined && e.target.startsWith("Queue")) return true;
  if ((e.op === "acquire" || e.op === "wait" || e.op === "compareExchange") && e.value !== "false")
    return e.op !== "wait" || e.value === "true";
  return false;
}

function ranges(lines: number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  if (sorted.length === 0) return "";
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return first === last ? `line ${first}` : `lines ${first}–${last}`;
}

export function analyzeLiveness(
  trace: readonly TraceEvent[],
  liveThreads: readonly string[],
  maxSteps: number,
): LivenessVerdict {
  const window = trace.slice(Math.floor(trace.length / 2));
  const half = Math.floor(window.length / 2);
  const seen = new Set<string>();
  for (const e of window.slice(0, half)) if (WRITES.has(e.op)) seen.add(`${e.target}=${e.value}`);
  let novel = 0;
  for (const e of window.slice(half)) if (WRITES.has(e.op) && !seen.has(`${e.target}=${e.value}`)) novel++;
  const byThread = new Map<string, TraceEvent[]>();
  for (const t of liveThreads) byThread.set(t, []);
  for (const e of window) byThread.get(e.thread)?.push(e);
  const linesOf = (events: TraceEvent[]) => events.flatMap((e) => (e.line === undefined ? [] : [e.line]));

  if (novel > 0 || liveThreads.length === 0) {
    return {
      verdict: "timeout",
      message: `the program was still making progress after ${maxSteps} scheduling points: it needs too many steps (an unbounded loop, or far more work than the exercise expects)`,
      starved: [],
      lines: [],
    };
  }
  const starved = liveThreads.filter((t) => !(byThread.get(t) ?? []).some(isSuccess));
  if (starved.length > 0) {
    const lines = starved.flatMap((t) => linesOf(byThread.get(t) ?? []));
    const working = liveThreads.filter((t) => !starved.includes(t));
    const who = starved.map((t) => `'${t}'`).join(", ");
    const where = lines.length ? ` It keeps going round ${ranges(lines)}.` : " It never gets to run its next step.";
    const others = working.length
      ? ` while ${working.map((t) => `'${t}'`).join(", ")} keep${working.length === 1 ? "s" : ""} going round without changing anything it waits for`
      : "";
    return {
      verdict: "starvation",
      message: `Starvation: ${who} ${starved.length === 1 ? "makes" : "make"} no progress under a fair scheduler${others}.${where} Nothing it waits for will ever change: a spin loop on a condition nobody makes true, a lock or turn it never wins, or readers that never let a writer in.`,
      starved,
      lines: [...new Set(lines)].sort((a, b) => a - b),
    };
  }
  const lines = liveThreads.flatMap((t) => linesOf(byThread.get(t) ?? []));
  return {
    verdict: "starvation",
    message: `Livelock: ${liveThreads.map((t) => `'${t}'`).join(", ")} keep running (taking and giving back locks, retrying) but the shared state only goes round in circles; none of them gets anywhere (${ranges(lines)}). Back off with randomness, or take the locks in one order.`,
    starved: [...liveThreads],
    lines: [...new Set(lines)].sort((a, b) => a - b),
  };
}
