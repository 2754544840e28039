import { getDb, type Db } from "../db";
import { chapterTitle } from "./chapters";
import { summaryColumns, toExerciseSummary, type ExerciseSummary } from "./exercise-view";

export type CatalogueChapter = { chapter: number; title: string; exercises: ExerciseSummary[] };

const DIFFICULTY_ORDER = { intro: 0, easy: 1, medium: 2, hard: 3 } as const;

/** The home page's catalogue: live exercises grouped by book chapter, chapters in book order. */
export async function listCatalogue(db: Db = getDb()): Promise<CatalogueChapter[]> {
  const rows = await db.exercise.findMany({ where: { archived: false }, select: summaryColumns });
  const byChapter = new Map<number, ExerciseSummary[]>();
  for (const exercise of rows.map(toExerciseSummary)) {
    const list = byChapter.get(exercise.chapter) ?? [];
    list.push(exercise);
    byChapter.set(exercise.chapter, list);
  }
  return [...byChapter.entries()]
    .sort(([a], [b]) => a - b)
    .map(([chapter, exercises]) => ({
      chapter,
      title: chapterTitle(chapter),
      exercises: exercises.sort(
        (a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title),
      ),
    }));
}
