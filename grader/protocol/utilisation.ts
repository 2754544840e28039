// What every thread was doing over virtual time: the shape of a traced schedule's utilisation
// (recorded by engine/utilisation.ts, summarised by perf/utilisation-strip.ts).

/** What a thread did during a stretch of virtual time. */
export type UtilisationState =
  /** on a virtual core, computing (or spinning: runnable while time passes) */
  | "busy"
  /** wants to compute, every core is taken */
  | "core"
  /** wants to compute, another thread of its process holds the GIL */
  | "gil"
  /** blocked acquiring a lock or semaphore */
  | "lock"
  /** blocked on anything else: join, condition, event, queue, barrier, I/O */
  | "wait"
  /** sleeping (or a delay) */
  | "sleep"
  /** an asyncio task that is ready while another task of its loop runs */
  | "loop";

export interface UtilisationSegment {
  thread: string;
  state: UtilisationState;
  from: number;
  to: number;
  /** What it waited for (lock, thread, queue...), when it waited. */
  target?: string;
}

export interface Utilisation {
  threads: string[];
  segments: UtilisationSegment[];
  /** Segments not recorded past the cap (the strip then ends early). */
  dropped: number;
}

/** Enough for any strip a page draws; a program switching more often is summarised by its start. */
export const MAX_UTILISATION_SEGMENTS = 2_000;
