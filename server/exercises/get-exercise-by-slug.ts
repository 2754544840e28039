import { z } from "zod";
import { getDb, type Db } from "../db";
import { toExerciseSummary, type ExerciseDetail } from "./exercise-view";

// Loose on purpose: the manifest schema in grader/ owns the slug rules; this only keeps junk out of queries.
const Slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/);

/** One exercise with its statement and starter code, or null (also for a malformed slug). */
export async function getExerciseBySlug(slug: unknown, db: Db = getDb()): Promise<ExerciseDetail | null> {
  const parsed = Slug.safeParse(slug);
  if (!parsed.success) return null;
  const row = await db.exercise.findUnique({ where: { slug: parsed.data } });
  // A browser-authored exercise never published is its author's draft: it does not exist here.
  if (!row || (row.source === "browser" && row.publishedVersion === null)) return null;
  return { ...toExerciseSummary(row), statementMd: row.statementMd, starterCode: row.starterCode };
}
