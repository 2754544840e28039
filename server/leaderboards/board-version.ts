import { createHash } from "node:crypto";
import { getDb, type Db } from "../db";
import type { BoardScope } from "./board-scope";

/**
 * A cheap stamp that changes whenever any board may have changed: the latest standing update
 * (a grading, a regrade, a renamed or opted-out student touches their standings), the number
 * of standings and hides, the latest exercise change (retired, points) and, for a course, its
 * membership and exercises. A few indexed aggregates: the live board polls it (ETag / 304)
 * instead of re-ranking every few seconds.
 */
export async function boardVersion(scope: BoardScope, db: Db = getDb()): Promise<string> {
  const [standings, hides, exercises] = await Promise.all([
    db.standing.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
    db.boardHide.aggregate({ _max: { createdAt: true }, _count: { _all: true } }),
    db.exercise.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
  ]);
  const parts: unknown[] = [
    standings._max.updatedAt?.getTime() ?? 0,
    standings._count._all,
    hides._max.createdAt?.getTime() ?? 0,
    hides._count._all,
    exercises._max.updatedAt?.getTime() ?? 0,
    exercises._count._all,
  ];
  const courseId = scope.kind === "course" ? scope.courseId : scope.kind === "exercise" ? scope.courseId : null;
  if (courseId) {
    const [course, members, exercisesInCourse] = await Promise.all([
      db.course.findUnique({ where: { id: courseId }, select: { updatedAt: true } }),
      db.courseMember.aggregate({ where: { courseId }, _max: { joinedAt: true }, _count: { _all: true } }),
      db.courseExercise.findMany({ where: { courseId }, select: { exerciseId: true, dueAt: true } }),
    ]);
    parts.push(course?.updatedAt.getTime() ?? 0, members._max.joinedAt?.getTime() ?? 0, members._count._all);
    parts.push(exercisesInCourse.map((e) => `${e.exerciseId}@${e.dueAt?.getTime() ?? ""}`).join(","));
  }
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 22);
}
