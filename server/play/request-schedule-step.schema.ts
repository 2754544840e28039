import { z } from "zod";

/** Thread ids a schedule may name, and how long a hand-played schedule may get. */
export const MAX_THREAD_ID = 255;
export const MAX_DECISIONS = 2_000;

/** `?schedule=0,1,1,2` (empty: no step yet) → thread ids. */
export const decisionsParam = z
  .string()
  .max(MAX_DECISIONS * 4)
  .regex(/^(\d{1,3}(,\d{1,3})*)?$/, "a schedule is thread numbers separated by commas, e.g. 0,1,1,2")
  .transform((s) => (s === "" ? [] : s.split(",").map(Number)))
  .pipe(z.array(z.number().int().min(0).max(MAX_THREAD_ID)).max(MAX_DECISIONS));

export const requestScheduleStepSchema = z.object({
  submissionId: z.string().min(1).max(100),
  checkId: z.string().min(1).max(100),
  decisions: decisionsParam,
});
export type RequestScheduleStepInput = z.input<typeof requestScheduleStepSchema>;

/** "Play the scheduler" on a break-it exercise's target (no submission: the program is the exercise's). */
export const requestTargetStepSchema = z.object({
  slug: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, "Unknown exercise."),
  decisions: decisionsParam,
});
export type RequestTargetStepInput = z.input<typeof requestTargetStepSchema>;

export const submitPlayedScheduleSchema = z.object({ stepId: z.string().min(1).max(100) });
export type SubmitPlayedScheduleInput = z.input<typeof submitPlayedScheduleSchema>;
