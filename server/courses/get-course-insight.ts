import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { requireCourseAccess } from "./course-access";
import { loadCourseHead, loadCourseStudents, loadScoredSubmissions, type ScoredSubmission } from "./course-exercises";

export type ExerciseStats = {
  slug: string;
  title: string;
  points: number;
  dueAt: string | null;
  students: number;
  /** Students with at least one counted submission. */
  attempted: number;
  /** Counted submissions ("submit", graded). */
  attempts: number;
  solved: number;
  /** solved / students (0 when the course has no students). */
  solveRate: number;
  verdicts: { verdict: string; count: number }[];
  /** Median time from a solver's first submission to their first passing one; null without solvers. */
  medianTimeToSolveMs: number | null;
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Statistics of one exercise over the course's students' counted submissions (oldest first). */
export function exerciseStats(
  submissions: readonly ScoredSubmission[],
  studentCount: number,
): Omit<ExerciseStats, "slug" | "title" | "points" | "dueAt"> {
  const byStudent = new Map<string, ScoredSubmission[]>();
  const verdicts = new Map<string, number>();
  for (const submission of submissions) {
    const list = byStudent.get(submission.userId) ?? [];
    list.push(submission);
    byStudent.set(submission.userId, list);
    verdicts.set(submission.verdict, (verdicts.get(submission.verdict) ?? 0) + 1);
  }
  const times: number[] = [];
  for (const list of byStudent.values()) {
    const firstPass = list.find((s) => s.verdict === "passed");
    if (firstPass) times.push(firstPass.createdAt.getTime() - list[0]!.createdAt.getTime());
  }
  return {
    students: studentCount,
    attempted: byStudent.size,
    attempts: submissions.length,
    solved: times.length,
    solveRate: studentCount === 0 ? 0 : times.length / studentCount,
    verdicts: [...verdicts]
      .map(([verdict, count]) => ({ verdict, count }))
      .sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict)),
    medianTimeToSolveMs: median(times),
  };
}

/** Per exercise of the course: attempts, solve rate, verdicts, time to solve (manage access). */
export async function getCourseInsight(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  db: Db = getDb(),
): Promise<{ course: { id: string; title: string }; exercises: ExerciseStats[] }> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const [course, students] = await Promise.all([loadCourseHead(id, db), loadCourseStudents(id, db)]);
  const submissions = await loadScoredSubmissions(
    students.map((s) => s.id),
    course.exercises.map((e) => e.exerciseId),
    db,
  );
  return {
    course: { id: course.id, title: course.title },
    exercises: course.exercises.map((exercise) => ({
      slug: exercise.slug,
      title: exercise.title,
      points: exercise.points,
      dueAt: exercise.dueAt,
      ...exerciseStats(
        submissions.filter((s) => s.exerciseId === exercise.exerciseId),
        students.length,
      ),
    })),
  };
}
