// What a "you are the scheduler" step answers (issue 14; grader/explore/step.ts makes it):
// plain data, stored by the server (ScheduleStep.resultJson) and shown by the play page.

import { z } from "zod";
import { outcomeSchema, traceEventSchema } from "./result-schema";
import type { ScheduleOutcome, StoppedThread, TraceEvent } from "./types";
import { VERDICTS, type Verdict } from "./verdict";

export interface StepThread extends StoppedThread {
  /** The source text of `line` (trimmed), when the file is the program's own. */
  text?: string;
}

export interface StepState {
  /** The decisions replayed (thread ids): the prefix asked for, or less when the program ended first. */
  decisions: number[];
  /** Threads by id (the numbers a schedule names them by). */
  threadNames: string[];
  /** The program ended within the prefix: `outcome` says how (and `verdict` what it means). */
  finished: boolean;
  outcome: ScheduleOutcome | null;
  verdict: Verdict | null;
  /**
   * Indices of `decisions` at which the chosen thread blocked (a lock it asked for was held, an
   * event not set, a condition's wait): it took no step past that operation. A bare
   * `yieldNow()` reads as blocked too. (Break-it targets translate steps with it.)
   */
  blocked?: number[];
  /** Threads that may take the next step (empty once finished). */
  runnable: number[];
  /** Every live thread: what it does when it runs next, and where. */
  threads: StepThread[];
  /** Shared variables by name: the value of the last get/set the trace shows. */
  shared: { name: string; value: string }[];
  trace: TraceEvent[];
}

const site = { file: z.string().optional(), line: z.number().int().optional() };

/** A stored step, parsed before it is shown or translated (ScheduleStep.resultJson). */
export const StepStateSchema = z.object({
  decisions: z.array(z.number().int()),
  threadNames: z.array(z.string()),
  finished: z.boolean(),
  outcome: outcomeSchema.nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  blocked: z.array(z.number().int()).optional(),
  runnable: z.array(z.number().int()),
  threads: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      state: z.string(),
      op: z.string().optional(),
      target: z.string().optional(),
      text: z.string().optional(),
      ...site,
    }),
  ),
  shared: z.array(z.object({ name: z.string(), value: z.string() })),
  trace: z.array(traceEventSchema),
});

/** The stored step's state, or null when it is not one (written by another version, say). */
export function parseStoredStep(json: string): StepState | null {
  try {
    const parsed = StepStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data satisfies StepState) : null;
  } catch {
    return null;
  }
}
