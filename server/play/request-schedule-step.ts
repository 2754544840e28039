import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { requestScheduleStepSchema, type RequestScheduleStepInput } from "./request-schedule-step.schema";

// A student asks for one step of the schedule they play (issue 14). The web server only stores
// the request; the grading worker runs it (run-next-schedule-step.ts). Bounded per user: a new
// request replaces the user's step still waiting (the page shows only the latest), and the
// user's finished rows beyond the last KEEP_PER_USER are pruned.

export const KEEP_PER_USER = 20;

export async function requestScheduleStep(
  userId: string,
  input: RequestScheduleStepInput,
  { db = getDb() }: { db?: Db } = {},
): Promise<{ id: string }> {
  const parsed = requestScheduleStepSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "input")] ??= []).push(issue.message);
    throw new AppError("validation-failed", "The schedule step is not valid.", fields);
  }
  const { submissionId, checkId, decisions } = parsed.data;
  // Only one's own submissions: a step runs their code.
  const submission = await db.submission.findUnique({ where: { id: submissionId }, select: { userId: true } });
  if (!submission || submission.userId !== userId) throw new AppError("not-found", "No such submission.");
  return queueScheduleStep(db, userId, { submissionId, checkId, decisions: decisions.join(",") });
}

/**
 * Store one step request, replacing the user's step still waiting and pruning their finished
 * rows beyond the last KEEP_PER_USER (a check of a submission, or a break-it target).
 */
export async function queueScheduleStep(
  db: Db,
  userId: string,
  data: { submissionId: string | null; exerciseId?: string; checkId: string; decisions: string },
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await tx.scheduleStep.deleteMany({ where: { userId, status: "queued" } });
    const old = await tx.scheduleStep.findMany({
      where: { userId, status: { in: ["done", "failed"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: KEEP_PER_USER - 1,
      select: { id: true },
    });
    if (old.length > 0) await tx.scheduleStep.deleteMany({ where: { id: { in: old.map((r) => r.id) } } });
    return tx.scheduleStep.create({ data: { userId, ...data }, select: { id: true } });
  });
}
