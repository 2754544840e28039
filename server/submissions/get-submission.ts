import "server-only";
import { z } from "zod";
import type { SessionUser } from "../auth/find-session-user";
import { mayReviewWork } from "../courses/course-access";
import { getDb, type Db } from "../db";
import { gradingDelay } from "./grading-delay";
import { toSubmissionView, type SubmissionView } from "./submission-view";

const SubmissionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * A submission as its reader may see it: its owner, an admin, or an instructor of a course the
 * student is enrolled in and that includes the exercise (courseAccess decides: issue 16). Anyone
 * else gets null, exactly as for an id that does not exist, so ids reveal nothing.
 */
export async function getSubmissionForViewer(
  id: unknown,
  viewer: Pick<SessionUser, "id" | "role">,
  db: Db = getDb(),
): Promise<SubmissionView | null> {
  const parsed = SubmissionId.safeParse(id);
  if (!parsed.success) return null;
  const row = await db.submission.findUnique({
    where: { id: parsed.data },
    include: {
      exercise: { select: { slug: true, title: true } },
      result: { select: { verdict: true, score: true, maxScore: true, reportJson: true } },
    },
  });
  if (!row) return null;
  if (row.userId !== viewer.id && !(await mayReviewWork(viewer, row.userId, row.exerciseId, db))) return null;
  // A queued submission says why it waits, once it has waited long (no grader running?).
  const delay = await gradingDelay(row, { db });
  return { ...toSubmissionView(row), delay };
}
