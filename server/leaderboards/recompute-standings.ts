import { getDb, type Db } from "../db";
import { refreshStanding } from "./refresh-standing";

/**
 * Rebuild the standings of one exercise (or of all) from the stored results: after a bulk
 * regrade, or to repair boards. Retiring an exercise needs no rebuild — the site and course
 * boards read only live exercises — but is harmless. Returns the number of standings rebuilt.
 */
export async function recomputeStandings(exerciseId?: string, db: Db = getDb()): Promise<number> {
  const where = exerciseId ? { exerciseId } : {};
  const pairs = await db.submission.findMany({
    where: { ...where, kind: "submit", result: { isNot: null } },
    distinct: ["userId", "exerciseId"],
    select: { userId: true, exerciseId: true },
  });
  const keep = new Set(pairs.map((p) => `${p.userId}\u0000${p.exerciseId}`));
  const stale = (await db.standing.findMany({ where, select: { userId: true, exerciseId: true } })).filter(
    (s) => !keep.has(`${s.userId}\u0000${s.exerciseId}`),
  );
  for (const s of stale) await db.standing.deleteMany({ where: { userId: s.userId, exerciseId: s.exerciseId } });
  for (const p of pairs) await refreshStanding(p.userId, p.exerciseId, db);
  return pairs.length;
}
