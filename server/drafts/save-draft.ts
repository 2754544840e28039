import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { SaveDraftInput } from "./save-draft.schema";

/**
 * Store the code in a student's editor as their draft of one exercise (one row per user and
 * exercise, overwritten). The owner is the caller's session user, never a field of the input,
 * so nobody can write another student's draft. Returns when it was saved.
 * Throws AppError "validation-failed" (over 100 KB, a bad slug) or "not-found".
 */
export async function saveDraft(userId: string, input: unknown, { db = getDb() }: { db?: Db } = {}) {
  const { slug, code } = parseInput(SaveDraftInput, input);
  const exercise = await db.exercise.findUnique({ where: { slug }, select: { id: true } });
  if (!exercise) throw new AppError("not-found", "There is no such exercise.");
  const { updatedAt } = await db.draft.upsert({
    where: { userId_exerciseId: { userId, exerciseId: exercise.id } },
    create: { userId, exerciseId: exercise.id, code },
    update: { code },
    select: { updatedAt: true },
  });
  return { savedAt: updatedAt.toISOString() };
}
