import { getDb, type Db } from "../db";

/** The user's own draft of an exercise, or null when they have none. */
export async function getDraft(
  userId: string,
  exerciseId: string,
  { db = getDb() }: { db?: Db } = {},
): Promise<{ code: string; savedAt: string } | null> {
  const row = await db.draft.findUnique({
    where: { userId_exerciseId: { userId, exerciseId } },
    select: { code: true, updatedAt: true },
  });
  return row ? { code: row.code, savedAt: row.updatedAt.toISOString() } : null;
}
