import { getDb, type Db } from "../db";
import type { BoardRow } from "./rank";
import { countedResults } from "./refresh-standing";
import { bestResult } from "./best-result";

// A course's board rows, read from the materialised standings of its student members (never a
// scan of submissions, except a late student's results before a due date), in SQL that runs on
// SQLite and PostgreSQL alike. Raw queries give SQLite's dates as text and booleans as numbers:
// `toDate` / `toBool` take either. Course boards are small: they are ranked in rankBoard itself.

type RawRow = {
  userId: string;
  displayName: string;
  pseudonym: string | null;
  optOut: unknown;
  score: unknown;
  maxScore: unknown;
  speedup: unknown;
  perfKey: unknown;
  reachedAt: unknown;
};

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
function toNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "true";
}

function toBoardRow(raw: RawRow): BoardRow {
  return {
    userId: raw.userId,
    displayName: raw.pseudonym?.trim() || raw.displayName,
    score: toNumber(raw.score) ?? 0,
    maxScore: toNumber(raw.maxScore) ?? 0,
    perfKey: toNumber(raw.perfKey),
    speedup: toNumber(raw.speedup),
    reachedAt: toDate(raw.reachedAt),
    optedOut: toBool(raw.optOut),
  };
}

export type CourseExerciseRule = { exerciseId: string; dueAt: Date | null };

/**
 * A course's rows per exercise for its student members, with the due date applied: a standing
 * reached after the due date is replaced by the best result submitted by then (when the late
 * policy does not accept late work). The best overall reached in time is also the best in time,
 * so only late standings cost a query.
 */
export async function loadCourseExerciseRows(
  { courseId, exercise, acceptsLate }: { courseId: string; exercise: CourseExerciseRule; acceptsLate: boolean },
  db: Db = getDb(),
): Promise<BoardRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT s."userId", u."displayName", u."pseudonym", u."leaderboardOptOut" AS "optOut",
           s."bestScore" AS "score", s."maxScore", s."speedup", s."perfKey", s."reachedAt"
    FROM "Standing" s
      JOIN "CourseMember" m ON m."userId" = s."userId" AND m."courseId" = ${courseId} AND m."role" = 'student'
      JOIN "User" u ON u."id" = s."userId"
    WHERE s."exerciseId" = ${exercise.exerciseId}`;
  const board = rows.map(toBoardRow);
  const dueAt = exercise.dueAt;
  if (acceptsLate || !dueAt) return board;
  const out: BoardRow[] = [];
  for (const row of board) {
    if (row.reachedAt <= dueAt) {
      out.push(row);
      continue;
    }
    const best = bestResult(await countedResults(row.userId, exercise.exerciseId, { db, before: dueAt }));
    if (best)
      out.push({
        ...row,
        score: best.score,
        maxScore: best.maxScore,
        perfKey: best.perfKey,
        speedup: best.speedup,
        reachedAt: best.submittedAt,
      });
  }
  return out;
}

/** Sum per-exercise rows into one row per student (a course board). */
export function sumRows(perExercise: BoardRow[][], maxScore: number): BoardRow[] {
  const totals = new Map<string, BoardRow & { lastScoring: Date | null; first: Date }>();
  for (const rows of perExercise) {
    for (const row of rows) {
      const total = totals.get(row.userId) ?? {
        ...row,
        score: 0,
        maxScore,
        perfKey: null,
        speedup: null,
        lastScoring: null,
        first: row.reachedAt,
      };
      total.score += row.score;
      if (row.score > 0 && (!total.lastScoring || row.reachedAt > total.lastScoring)) total.lastScoring = row.reachedAt;
      if (row.reachedAt < total.first) total.first = row.reachedAt;
      totals.set(row.userId, total);
    }
  }
  return [...totals.values()].map(({ lastScoring, first, ...row }) => ({ ...row, reachedAt: lastScoring ?? first }));
}
