import { getDb, type Db } from "../db";
import { parseStatus, type SubmissionStatus } from "./submission-view";

export type SubmissionSummary = {
  id: string;
  status: SubmissionStatus;
  createdAt: string;
  verdict: string | null;
  score: number | null;
  maxScore: number | null;
};

/** A user's submissions to one exercise, latest first. */
export async function listMySubmissions(
  userId: string,
  exerciseId: string,
  { db = getDb(), limit = 20 }: { db?: Db; limit?: number } = {},
): Promise<SubmissionSummary[]> {
  const rows = await db.submission.findMany({
    where: { userId, exerciseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      createdAt: true,
      result: { select: { verdict: true, score: true, maxScore: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    status: parseStatus(row.status),
    createdAt: row.createdAt.toISOString(),
    verdict: row.result?.verdict ?? null,
    score: row.result?.score ?? null,
    maxScore: row.result?.maxScore ?? null,
  }));
}
