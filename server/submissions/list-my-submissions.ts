import "server-only";
import { z } from "zod";
import { getDb, type Db } from "../db";
import { parseKind, parseStatus, type SubmissionStatus } from "./submission-view";
import type { SubmissionKind } from "./submit-solution.schema";

export type SubmissionSummary = {
  id: string;
  status: SubmissionStatus;
  /** "run": the quick check, never scored. */
  kind: SubmissionKind;
  createdAt: string;
  verdict: string | null;
  score: number | null;
  maxScore: number | null;
};

export type SubmissionPage = { submissions: SubmissionSummary[]; hasMore: boolean };

export const SUBMISSIONS_PAGE_SIZE = 20;

const Cursor = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * A user's submissions to one exercise, latest first, a page at a time: `before` is the id of
 * the last submission already shown (a keyset cursor, so new submissions do not shift pages).
 * A cursor that is not one of the user's own submissions to this exercise gives an empty page.
 */
export async function listMySubmissions(
  userId: string,
  exerciseId: string,
  { db = getDb(), limit = SUBMISSIONS_PAGE_SIZE, before }: { db?: Db; limit?: number; before?: unknown } = {},
): Promise<SubmissionPage> {
  let olderThan: { createdAt: Date; id: string } | null = null;
  if (before !== undefined && before !== null) {
    const cursor = Cursor.safeParse(before);
    const row = cursor.success
      ? await db.submission.findFirst({
          where: { id: cursor.data, userId, exerciseId },
          select: { id: true, createdAt: true },
        })
      : null;
    if (!row) return { submissions: [], hasMore: false };
    olderThan = row;
  }
  const rows = await db.submission.findMany({
    where: {
      userId,
      exerciseId,
      ...(olderThan
        ? {
            OR: [
              { createdAt: { lt: olderThan.createdAt } },
              { createdAt: olderThan.createdAt, id: { lt: olderThan.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      status: true,
      kind: true,
      createdAt: true,
      result: { select: { verdict: true, score: true, maxScore: true } },
    },
  });
  return {
    hasMore: rows.length > limit,
    submissions: rows.slice(0, limit).map((row) => ({
      id: row.id,
      status: parseStatus(row.status),
      kind: parseKind(row.kind),
      createdAt: row.createdAt.toISOString(),
      verdict: row.result?.verdict ?? null,
      score: row.result?.score ?? null,
      maxScore: row.result?.maxScore ?? null,
    })),
  };
}
