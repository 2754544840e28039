import type { Db } from "../db";
import { AppError } from "../errors";
import { parseLatePolicy, type LatePolicy } from "./late-policy";

export type CourseExerciseView = {
  exerciseId: string;
  slug: string;
  title: string;
  points: number;
  archived: boolean;
  /** ISO time, or null when the exercise has no due date. */
  dueAt: string | null;
  position: number;
};

export type CourseHead = {
  id: string;
  title: string;
  joinCode: string;
  ownerId: string;
  archived: boolean;
  latePolicy: LatePolicy;
  exercises: CourseExerciseView[];
};

/** A course with its exercises in order (callers have checked access already). */
export async function loadCourseHead(courseId: string, db: Db): Promise<CourseHead> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    include: {
      exercises: {
        include: { exercise: { select: { slug: true, title: true, points: true, archived: true } } },
        orderBy: [{ position: "asc" }, { exerciseId: "asc" }],
      },
    },
  });
  if (!course) throw new AppError("not-found", "There is no such course.");
  return {
    id: course.id,
    title: course.title,
    joinCode: course.joinCode,
    ownerId: course.ownerId,
    archived: course.archived,
    latePolicy: parseLatePolicy(course.latePolicy),
    exercises: course.exercises.map((row) => ({
      exerciseId: row.exerciseId,
      slug: row.exercise.slug,
      title: row.exercise.title,
      points: row.exercise.points,
      archived: row.exercise.archived,
      dueAt: row.dueAt?.toISOString() ?? null,
      position: row.position,
    })),
  };
}

/** The course's students (members enrolled as students), by name. */
export async function loadCourseStudents(
  courseId: string,
  db: Db,
): Promise<{ id: string; email: string; displayName: string; joinedAt: Date }[]> {
  const members = await db.courseMember.findMany({
    where: { courseId, role: "student" },
    include: { user: { select: { id: true, email: true, displayName: true } } },
  });
  return members
    .map((m) => ({ ...m.user, joinedAt: m.joinedAt }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
}

export type ScoredSubmission = {
  id: string;
  userId: string;
  exerciseId: string;
  createdAt: Date;
  verdict: string;
  score: number;
  maxScore: number;
};

/**
 * The counted submissions of the given users to the given exercises: kind "submit" with a
 * grading result (issue 16's counting rule: "run" submissions are never scored), oldest first.
 */
export async function loadScoredSubmissions(
  userIds: readonly string[],
  exerciseIds: readonly string[],
  db: Db,
): Promise<ScoredSubmission[]> {
  if (userIds.length === 0 || exerciseIds.length === 0) return [];
  const rows = await db.submission.findMany({
    where: {
      kind: "submit",
      userId: { in: [...userIds] },
      exerciseId: { in: [...exerciseIds] },
      result: { isNot: null },
    },
    select: {
      id: true,
      userId: true,
      exerciseId: true,
      createdAt: true,
      result: { select: { verdict: true, score: true, maxScore: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    exerciseId: row.exerciseId,
    createdAt: row.createdAt,
    verdict: row.result!.verdict,
    score: row.result!.score,
    maxScore: row.result!.maxScore,
  }));
}
