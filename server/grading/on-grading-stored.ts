import { getDb, type Db } from "../db";
import { refreshStanding } from "../leaderboards/refresh-standing";

/**
 * What happens once a grading result is stored (the worker calls this right after completeJob,
 * first gradings and regrades alike): the boards' standing of that student on that exercise is
 * rebuilt. Add other reactions to a stored result here, in this one place.
 *
 * Never throws: the result is already stored, and a standing that failed to update is repaired
 * by the student's next result or by recomputeStandings.
 */
export async function onGradingStored(
  submissionId: string,
  { db = getDb(), log = () => {} }: { db?: Db; log?: (line: string) => void } = {},
): Promise<void> {
  try {
    const submission = await db.submission.findUnique({
      where: { id: submissionId },
      select: { userId: true, exerciseId: true, kind: true },
    });
    if (submission?.kind === "submit") await refreshStanding(submission.userId, submission.exerciseId, db);
  } catch (error) {
    log(
      `could not update the standings after ${submissionId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
