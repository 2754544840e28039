import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { requireCourseAccess } from "./course-access";
import { loadCourseHead, loadCourseStudents, loadScoredSubmissions, type ScoredSubmission } from "./course-exercises";
import { creditFor, type LatePolicy } from "./late-policy";

export type GradebookCell = {
  /** The best credited score (late policy applied); null when nothing was graded. */
  score: number | null;
  /** The best score came from a late submission. */
  late: boolean;
  passed: boolean;
  attempts: number;
};

export type Gradebook = {
  course: { id: string; title: string };
  latePolicy: LatePolicy;
  exercises: { slug: string; title: string; points: number; dueAt: string | null }[];
  students: {
    userId: string;
    email: string;
    displayName: string;
    cells: Record<string, GradebookCell>;
    total: number;
  }[];
};

/**
 * The best credited score of a student's submissions to one exercise: every counted submission
 * is credited by the late policy, and the best credit wins (on time beats late at equal credit).
 */
export function bestCell(
  submissions: readonly Pick<ScoredSubmission, "createdAt" | "score" | "verdict">[],
  dueAt: Date | null,
  policy: LatePolicy,
): GradebookCell {
  let best: { credited: number; late: boolean } | null = null;
  let passed = false;
  for (const submission of submissions) {
    const credit = creditFor(submission.score, submission.createdAt, dueAt, policy);
    if (submission.verdict === "passed" && !(credit.late && credit.credited === 0)) passed = true;
    if (best === null || credit.credited > best.credited || (credit.credited === best.credited && !credit.late)) {
      best = { credited: credit.credited, late: credit.late };
    }
  }
  return { score: best?.credited ?? null, late: best?.late ?? false, passed, attempts: submissions.length };
}

/** Students × exercises of a course, for its instructors (manage access). */
export async function getGradebook(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  db: Db = getDb(),
): Promise<Gradebook> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const [course, students] = await Promise.all([loadCourseHead(id, db), loadCourseStudents(id, db)]);
  const submissions = await loadScoredSubmissions(
    students.map((s) => s.id),
    course.exercises.map((e) => e.exerciseId),
    db,
  );
  const byCell = new Map<string, ScoredSubmission[]>();
  for (const submission of submissions) {
    const key = `${submission.userId}\u0000${submission.exerciseId}`;
    const list = byCell.get(key) ?? [];
    list.push(submission);
    byCell.set(key, list);
  }
  return {
    course: { id: course.id, title: course.title },
    latePolicy: course.latePolicy,
    exercises: course.exercises.map(({ slug, title, points, dueAt }) => ({ slug, title, points, dueAt })),
    students: students.map((student) => {
      const cells: Record<string, GradebookCell> = {};
      let total = 0;
      for (const exercise of course.exercises) {
        const cell = bestCell(
          byCell.get(`${student.id}\u0000${exercise.exerciseId}`) ?? [],
          exercise.dueAt ? new Date(exercise.dueAt) : null,
          course.latePolicy,
        );
        cells[exercise.slug] = cell;
        total += cell.score ?? 0;
      }
      return {
        userId: student.id,
        email: student.email,
        displayName: student.displayName,
        cells,
        total: Math.round(total * 100) / 100,
      };
    }),
  };
}
