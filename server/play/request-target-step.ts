import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { hasBreakItTarget } from "./break-it-target";
import { queueScheduleStep } from "./request-schedule-step";
import { requestTargetStepSchema, type RequestTargetStepInput } from "./request-schedule-step.schema";

/** The checkId of a step that plays an exercise's target rather than a check of a submission. */
export const TARGET_CHECK = "target";

/**
 * A student asks for one step of a break-it exercise's target (issue 14): no submission of
 * theirs is needed, the program is the exercise's. Stored like a check's step (bounded per
 * user); the grading worker runs it.
 */
export async function requestTargetStep(
  userId: string,
  input: RequestTargetStepInput,
  { db = getDb(), exercisesDir }: { db?: Db; exercisesDir?: string } = {},
): Promise<{ id: string }> {
  const parsed = requestTargetStepSchema.safeParse(input);
  if (!parsed.success) throw new AppError("validation-failed", "The schedule step is not valid.");
  const { slug, decisions } = parsed.data;
  const exercise = await db.exercise.findUnique({
    where: { slug },
    select: { id: true, archived: true, source: true },
  });
  if (!exercise || exercise.archived || exercise.source !== "files" || !hasBreakItTarget(slug, exercisesDir))
    throw new AppError("not-found", "This exercise has no program to play.");
  return queueScheduleStep(db, userId, {
    submissionId: null,
    exerciseId: exercise.id,
    checkId: TARGET_CHECK,
    decisions: decisions.join(","),
  });
}
