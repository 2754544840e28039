import { parseStoredStep, type StepState } from "../../grader/protocol/step";

export type { StepState };
import { getDb, type Db } from "../db";

export type ScheduleStepView =
  | { status: "queued" | "running" }
  | { status: "done"; state: StepState }
  | { status: "failed"; error: string };

/** A step's state for its owner only (another user's id reads as missing). */
export async function getScheduleStep(
  userId: string,
  id: string,
  { db = getDb() }: { db?: Db } = {},
): Promise<ScheduleStepView | null> {
  const row = await db.scheduleStep.findUnique({ where: { id } });
  if (!row || row.userId !== userId) return null;
  if (row.status === "done" && row.resultJson) {
    const state = parseStoredStep(row.resultJson);
    return state
      ? { status: "done", state }
      : { status: "failed", error: "This step was stored by an older version: play it again." };
  }
  if (row.status === "failed") return { status: "failed", error: row.error ?? "The step failed." };
  return { status: row.status === "running" ? "running" : "queued" };
}
