// The real deadlock: every live thread is blocked and nothing left running can wake them
// (the scheduler finds this state when no thread can run and no clock event is pending).
// This names it for the student: the wait-for cycle among the blocked threads (thread → the
// thread holding what it waits for), then what every live thread waits in. Its predictive
// sibling is lock-order.ts (a cycle that could close in another schedule).
//
// It reads threads through the shape below only, so the engine can call it without this
// file knowing the scheduler's classes (detect/ algorithms never import the engine).

import type { SourceSite, WaitEdge } from "../../protocol/types";

/** What the wait-for analysis reads of a virtual thread (the engine's VThread has it). */
export interface WaitingThread {
  readonly name: string;
  readonly state: string;
  /** The asyncio event loop this thread is a task of: a ready task waits for the loop's holder. */
  readonly loop: { readonly name: string; readonly holder: WaitingThread | null } | null;
  readonly wait: {
    readonly op: string;
    readonly target: string;
    readonly holder?: () => WaitingThread | null | undefined;
    readonly waitsFor?: () => string;
  } | null;
  readonly waitSite: SourceSite | undefined;
}

export interface DeadlockReport {
  message: string;
  waits: WaitEdge[];
  cycle?: string[];
}

/** A wait-for cycle among blocked threads (thread → the thread holding what it waits for). */
export function findCycle(live: readonly WaitingThread[]): string[] | null {
  for (const start of live) {
    const path: WaitingThread[] = [];
    let t: WaitingThread | null | undefined = start;
    // A ready task waits for the task that holds its event loop.
    const next = (x: WaitingThread) => (x.state === "runnable" && x.loop ? x.loop.holder : x.wait?.holder?.());
    while (t && (t.state === "blocked" || (t.state === "runnable" && t.loop)) && !path.includes(t)) {
      path.push(t);
      t = next(t);
    }
    if (t && path.includes(t)) return path.slice(path.indexOf(t)).map((x) => x.name);
  }
  return null;
}

/**
 * The deadlock of `live` (the threads not done, at least one of them not a daemon), and
 * `died`: tasks that ended with an error first, often why the others wait (they never put,
 * set or released), each already phrased ("T had already ended with …").
 */
export function describeDeadlock(live: readonly WaitingThread[], died: readonly string[]): DeadlockReport {
  const loopWait = (t: WaitingThread) => (t.state === "runnable" && t.loop ? t.loop : null);
  const waits: WaitEdge[] = live.map((t) => ({
    thread: t.name,
    op: t.wait?.op ?? (loopWait(t) ? "event loop" : t.state),
    target: t.wait?.target ?? loopWait(t)?.name ?? "?",
    holder: t.wait?.holder?.()?.name ?? loopWait(t)?.holder?.name,
    file: t.waitSite?.file,
    line: t.waitSite?.line,
  }));
  const cycle = findCycle(live);
  const describe = (w: WaitEdge, i: number) => {
    const waitsFor = live[i]!.wait?.waitsFor?.();
    if (waitsFor !== undefined)
      return `${w.thread} waits in ${w.op}(${w.target})${w.line ? ` at line ${w.line}` : ""} for ${waitsFor}`;
    return w.op === "join"
      ? `${w.thread} waits for ${w.target} to end${w.line ? ` (line ${w.line})` : ""}`
      : `${w.thread} waits in ${w.op}(${w.target})${w.line ? ` at line ${w.line}` : ""}${w.holder ? `, held by ${w.holder}` : ""}`;
  };
  const head =
    cycle && cycle.length === 1
      ? `Deadlock: ${cycle[0]} waits for a lock it already holds: was it not released on some path (an early return, an error), or taken twice? (A Lock is not reentrant.)`
      : cycle
        ? `Deadlock: ${cycle.join(" → ")} → ${cycle[0]} wait for each other in a cycle.`
        : `Deadlock: every live thread is blocked and nothing left running can wake them.`;
  const note = died.length > 0 ? ` Note: ${died.join("; ")}.` : "";
  return { message: `${head} ${waits.map(describe).join("; ")}.${note}`, waits, cycle: cycle ?? undefined };
}
