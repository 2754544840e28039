import { getDb, type Db } from "../db";
import { bestResult, type CountedResult } from "./best-result";
import { NO_PERFORMANCE, performanceFigure } from "./performance-figure";

/**
 * The counted results of one student on one exercise: graded `submit` submissions only (a
 * `run` is never scored), optionally only those submitted by `before` (a course's due date).
 * Reports are read only for the results at the top score, where performance can break a tie.
 */
export async function countedResults(
  userId: string,
  exerciseId: string,
  { db = getDb(), before }: { db?: Db; before?: Date } = {},
): Promise<CountedResult[]> {
  const rows = await db.submission.findMany({
    where: {
      userId,
      exerciseId,
      kind: "submit",
      result: { isNot: null },
      ...(before ? { createdAt: { lte: before } } : {}),
    },
    select: { id: true, createdAt: true, result: { select: { score: true, maxScore: true, verdict: true } } },
  });
  if (rows.length === 0) return [];
  const top = Math.max(...rows.map((row) => row.result!.score));
  const atTop = rows.filter((row) => row.result!.score === top).map((row) => row.id);
  const reports = await db.gradingResult.findMany({
    where: { submissionId: { in: atTop } },
    select: { submissionId: true, reportJson: true },
  });
  const figures = new Map(reports.map((r) => [r.submissionId, performanceFigure(r.reportJson)]));
  return rows.map((row) => ({
    submissionId: row.id,
    score: row.result!.score,
    maxScore: row.result!.maxScore,
    passed: row.result!.verdict === "passed",
    submittedAt: row.createdAt,
    ...(figures.get(row.id) ?? NO_PERFORMANCE),
  }));
}

/**
 * Rebuild one student's standing on one exercise from their counted results: called whenever
 * one of their submissions gets a result (first grading or regrade alike), so the standing can
 * go down as well as up. No counted result left: no standing.
 */
export async function refreshStanding(userId: string, exerciseId: string, db: Db = getDb()): Promise<void> {
  const results = await countedResults(userId, exerciseId, { db });
  const best = bestResult(results);
  if (!best) {
    await db.standing.deleteMany({ where: { userId, exerciseId } });
    return;
  }
  const columns = {
    bestScore: best.score,
    maxScore: best.maxScore,
    speedup: best.speedup,
    makespan: best.makespan,
    perfKey: best.perfKey,
    reachedAt: best.submittedAt,
    submissionId: best.submissionId,
    passed: results.some((r) => r.passed),
    attempts: results.length,
  };
  await db.standing.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, ...columns },
    update: columns,
  });
}
