import { z } from "zod";
import { getDb, type Db } from "../db";
import { DIFFICULTIES } from "./exercise-view";
import type { CatalogueChapter } from "./list-catalogue";

// A student's progress on the catalogue (issue 15): per exercise not started / attempted /
// solved with the best counted score (the boards' standings: graded Submits only), per chapter
// and overall the points earned, and the catalogue's filters.

export const PROGRESS_STATUSES = ["not-started", "attempted", "solved"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export type ExerciseProgress = {
  status: ProgressStatus;
  /** Best counted score and its maximum; null until a Submit was graded. */
  bestScore: number | null;
  maxScore: number | null;
  /** The exercise's points earned: its points scaled by the best score. */
  pointsEarned: number;
};

export const NOT_STARTED: ExerciseProgress = {
  status: "not-started",
  bestScore: null,
  maxScore: null,
  pointsEarned: 0,
};

/**
 * Progress per exercise id. Solved: a counted result passed. Attempted: anything submitted
 * (a Run counts as an attempt, never as a score).
 */
export async function listCatalogueProgress(userId: string, db: Db = getDb()): Promise<Map<string, ExerciseProgress>> {
  const [standings, tried, exercises] = await Promise.all([
    db.standing.findMany({
      where: { userId },
      select: { exerciseId: true, bestScore: true, maxScore: true, passed: true },
    }),
    db.submission.groupBy({ by: ["exerciseId"], where: { userId } }),
    db.exercise.findMany({ where: { archived: false }, select: { id: true, points: true } }),
  ]);
  const points = new Map(exercises.map((e) => [e.id, e.points]));
  const progress = new Map<string, ExerciseProgress>();
  for (const { exerciseId } of tried) progress.set(exerciseId, { ...NOT_STARTED, status: "attempted" });
  for (const s of standings) {
    const ratio = s.maxScore > 0 ? s.bestScore / s.maxScore : 0;
    progress.set(s.exerciseId, {
      status: s.passed ? "solved" : "attempted",
      bestScore: s.bestScore,
      maxScore: s.maxScore,
      pointsEarned: Math.round((points.get(s.exerciseId) ?? 0) * ratio * 10) / 10,
    });
  }
  return progress;
}

const empty = z.literal("").transform(() => undefined);

/** The catalogue's filters, from the query string (`?chapter=3&difficulty=easy&status=solved`). */
export const CatalogueFilters = z.object({
  chapter: z.coerce.number().int().min(1).max(19).optional().or(empty).catch(undefined),
  difficulty: z.enum(DIFFICULTIES).optional().or(empty).catch(undefined),
  status: z.enum(PROGRESS_STATUSES).optional().or(empty).catch(undefined),
});
export type CatalogueFilters = z.infer<typeof CatalogueFilters>;

export type ChapterWithProgress = CatalogueChapter & {
  earned: number;
  possible: number;
  solved: number;
  /** Exercises in the whole chapter (the filters may show fewer). */
  count: number;
};

/** Totals per chapter (over the whole chapter) and overall, then the filters applied. */
export function applyProgress(
  catalogue: CatalogueChapter[],
  progress: ReadonlyMap<string, ExerciseProgress>,
  filters: CatalogueFilters,
): { chapters: ChapterWithProgress[]; earned: number; possible: number; solved: number; total: number } {
  const of = (id: string) => progress.get(id) ?? NOT_STARTED;
  const totals = catalogue.map((chapter) => ({
    ...chapter,
    earned: round1(chapter.exercises.reduce((sum, e) => sum + of(e.id).pointsEarned, 0)),
    possible: chapter.exercises.reduce((sum, e) => sum + e.points, 0),
    solved: chapter.exercises.filter((e) => of(e.id).status === "solved").length,
    count: chapter.exercises.length,
  }));
  const chapters = totals
    .filter((chapter) => filters.chapter === undefined || chapter.chapter === filters.chapter)
    .map((chapter) => ({
      ...chapter,
      exercises: chapter.exercises.filter(
        (e) =>
          (filters.difficulty === undefined || e.difficulty === filters.difficulty) &&
          (filters.status === undefined || of(e.id).status === filters.status),
      ),
    }))
    .filter((chapter) => chapter.exercises.length > 0);
  return {
    chapters,
    earned: round1(totals.reduce((sum, c) => sum + c.earned, 0)),
    possible: totals.reduce((sum, c) => sum + c.possible, 0),
    solved: totals.reduce((sum, c) => sum + c.solved, 0),
    total: totals.reduce((sum, c) => sum + c.exercises.length, 0),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
