import { getDb, type Db } from "../db";
import { summaryColumns, toExerciseSummary, type ExerciseSummary } from "./exercise-view";

export type StaffExerciseRow = ExerciseSummary & { submissions: number; updatedAt: Date };

/** Every exercise, archived ones included, with how many submissions point at it. */
export async function listExercisesForStaff(db: Db = getDb()): Promise<StaffExerciseRow[]> {
  const rows = await db.exercise.findMany({
    select: { ...summaryColumns, updatedAt: true, _count: { select: { submissions: true } } },
    orderBy: [{ archived: "asc" }, { chapter: "asc" }, { title: "asc" }],
  });
  return rows.map((row) => ({
    ...toExerciseSummary(row),
    submissions: row._count.submissions,
    updatedAt: row.updatedAt,
  }));
}
