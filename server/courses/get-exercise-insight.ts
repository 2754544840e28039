import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { requireCourseAccess } from "./course-access";
import { loadCourseHead, loadCourseStudents, loadScoredSubmissions } from "./course-exercises";
import { FailureEvidenceReport, failureSignature } from "./failure-signature";
import { exerciseStats, type ExerciseStats } from "./get-course-insight";
import { SLUG } from "./set-course-exercise.schema";

/** Reports can be large (traces): patterns are read from the latest this many failing submissions. */
export const PATTERN_SAMPLE = 400;

export type PatternGroup = {
  key: string;
  verdict: string;
  summary: string;
  checkTitle: string | null;
  count: number;
  /** count / failing submissions read. */
  share: number;
  students: number;
  example: { submissionId: string; userId: string; displayName: string };
};

export type RegradeRow = {
  submissionId: string;
  userId: string;
  displayName: string;
  requestedAt: string;
  before: { verdict: string | null; score: number | null };
  /** The submission now: still in line, or its new result. */
  after: { status: string; verdict: string | null; score: number | null };
};

export type ExerciseInsight = {
  course: { id: string; title: string };
  exercise: { slug: string; title: string; points: number; dueAt: string | null };
  stats: ExerciseStats;
  failing: number;
  sampled: number;
  patterns: PatternGroup[];
  regrades: RegradeRow[];
  /** Submissions of the course's students waiting for (re)grading. */
  pending: number;
};

function parseReport(json: string): FailureEvidenceReport | null {
  try {
    const parsed = FailureEvidenceReport.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** One exercise of a course for its instructors: statistics, failure patterns, regrades. */
export async function getExerciseInsight(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  slug: unknown,
  db: Db = getDb(),
): Promise<ExerciseInsight> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const course = await loadCourseHead(id, db);
  const exercise =
    typeof slug === "string" && SLUG.test(slug) ? course.exercises.find((e) => e.slug === slug) : undefined;
  if (!exercise) throw new AppError("not-found", "This course has no such exercise.");
  const students = await loadCourseStudents(id, db);
  const names = new Map(students.map((s) => [s.id, s.displayName]));
  const studentIds = students.map((s) => s.id);
  const submissions = await loadScoredSubmissions(studentIds, [exercise.exerciseId], db);
  const stats = {
    slug: exercise.slug,
    title: exercise.title,
    points: exercise.points,
    dueAt: exercise.dueAt,
    ...exerciseStats(submissions, students.length),
  };

  const failingWhere = {
    kind: "submit",
    exerciseId: exercise.exerciseId,
    userId: { in: studentIds },
    result: { is: { verdict: { not: "passed" } } },
  };
  const [failing, sample, regrades, pending] = await Promise.all([
    db.submission.count({ where: failingWhere }),
    db.submission.findMany({
      where: failingWhere,
      select: { id: true, userId: true, result: { select: { verdict: true, reportJson: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PATTERN_SAMPLE,
    }),
    db.regrade.findMany({
      where: { submission: { exerciseId: exercise.exerciseId, userId: { in: studentIds } } },
      select: {
        submissionId: true,
        requestedAt: true,
        previousVerdict: true,
        previousScore: true,
        submission: { select: { userId: true, status: true, result: { select: { verdict: true, score: true } } } },
      },
      orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
      take: 200,
    }),
    db.submission.count({
      where: {
        kind: "submit",
        exerciseId: exercise.exerciseId,
        userId: { in: studentIds },
        status: { in: ["queued", "running"] },
      },
    }),
  ]);

  const groups = new Map<string, PatternGroup & { studentIds: Set<string> }>();
  for (const row of sample) {
    const pattern = failureSignature(parseReport(row.result!.reportJson), row.result!.verdict);
    if (!pattern) continue;
    let group = groups.get(pattern.key);
    if (!group) {
      // The sample is newest first: the example is the latest submission with this pattern.
      group = {
        key: pattern.key,
        verdict: pattern.verdict,
        summary: pattern.summary,
        checkTitle: pattern.checkTitle,
        count: 0,
        share: 0,
        students: 0,
        example: { submissionId: row.id, userId: row.userId, displayName: names.get(row.userId) ?? "" },
        studentIds: new Set(),
      };
      groups.set(pattern.key, group);
    }
    group.count++;
    group.studentIds.add(row.userId);
  }
  const patterns = [...groups.values()]
    .map(({ studentIds: ids, ...group }) => ({
      ...group,
      students: ids.size,
      share: sample.length === 0 ? 0 : group.count / sample.length,
    }))
    .sort((a, b) => b.count - a.count || a.summary.localeCompare(b.summary));

  return {
    course: { id: course.id, title: course.title },
    exercise: { slug: exercise.slug, title: exercise.title, points: exercise.points, dueAt: exercise.dueAt },
    stats,
    failing,
    sampled: sample.length,
    patterns,
    pending,
    regrades: regrades.map((r) => ({
      submissionId: r.submissionId,
      userId: r.submission.userId,
      displayName: names.get(r.submission.userId) ?? "",
      requestedAt: r.requestedAt.toISOString(),
      before: { verdict: r.previousVerdict, score: r.previousScore },
      after: {
        status: r.submission.status,
        // While the regrade waits, the old result is still stored: show none until it is done.
        verdict: r.submission.status === "done" ? (r.submission.result?.verdict ?? null) : null,
        score: r.submission.status === "done" ? (r.submission.result?.score ?? null) : null,
      },
    })),
  };
}
