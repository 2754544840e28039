import { harnessSchedule, scheduleSource } from "../../grader/protocol/break-it-schedule";
import { parseStoredStep } from "../../grader/protocol/step";
import { getDb } from "../db";
import { AppError } from "../errors";
import { submitSolution, type SubmitSolutionOptions } from "../submissions/submit-solution";
import { TARGET_CHECK } from "./request-target-step";
import { submitPlayedScheduleSchema, type SubmitPlayedScheduleInput } from "./request-schedule-step.schema";

/**
 * "Submit this schedule" (issue 14): the schedule a student played on a break-it target (the
 * step they see, by id: theirs only) becomes the harness's schedule — main's decisions, each
 * thread's start and every blocked attempt dropped (grader/protocol/break-it-schedule.ts) — and
 * an ordinary submit-kind submission `export const schedule = [...]`, through the usual path
 * (limits, queue). The harness grades it as it grades a typed one.
 */
export async function submitPlayedSchedule(
  userId: string,
  input: SubmitPlayedScheduleInput,
  options: SubmitSolutionOptions = {},
): Promise<{ id: string; schedule: number[] }> {
  const db = options.db ?? getDb();
  const parsed = submitPlayedScheduleSchema.safeParse(input);
  if (!parsed.success) throw new AppError("validation-failed", "Play a schedule before submitting it.");
  const row = await db.scheduleStep.findUnique({ where: { id: parsed.data.stepId } });
  if (!row || row.userId !== userId || row.checkId !== TARGET_CHECK || row.exerciseId === null)
    throw new AppError("not-found", "No such schedule.");
  if (row.status !== "done" || !row.resultJson)
    throw new AppError("validation-failed", "Wait until your last step has run, then submit.");
  const exercise = await db.exercise.findUnique({ where: { id: row.exerciseId }, select: { slug: true } });
  if (!exercise) throw new AppError("not-found", "There is no such exercise.");
  const state = parseStoredStep(row.resultJson);
  if (!state) throw new AppError("validation-failed", "This schedule was stored by an older version: play it again.");
  const schedule = harnessSchedule(state);
  const { id } = await submitSolution(
    userId,
    { slug: exercise.slug, code: scheduleSource(schedule), kind: "submit" },
    { ...options, db },
  );
  return { id, schedule };
}
