import { z } from "zod";
import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { requireCourseAccess } from "./course-access";
import { loadCourseHead } from "./course-exercises";
import { creditFor } from "./late-policy";

const UserId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export type StudentSubmissionRow = {
  id: string;
  slug: string;
  exerciseTitle: string;
  kind: string;
  status: string;
  createdAt: string;
  verdict: string | null;
  score: number | null;
  maxScore: number | null;
  late: boolean;
  regrades: number;
};

export type StudentWork = {
  course: { id: string; title: string };
  student: { id: string; displayName: string; email: string; joinedAt: string };
  submissions: StudentSubmissionRow[];
  /** The chosen submission (?submission=), with its code: it belongs to this student and course. */
  selected: { id: string; code: string; slug: string } | null;
};

export const STUDENT_WORK_LIMIT = 200;

/**
 * One student's work in a course, for its instructors: their submissions to the course's
 * exercises (submit and run), latest first, each with its verdict and whether it was late.
 */
export async function getStudentWork(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  userId: unknown,
  selectedId: unknown,
  db: Db = getDb(),
): Promise<StudentWork> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const parsedUser = UserId.safeParse(userId);
  const membership = parsedUser.success
    ? await db.courseMember.findUnique({
        where: { courseId_userId: { courseId: id, userId: parsedUser.data } },
        include: { user: { select: { id: true, displayName: true, email: true } } },
      })
    : null;
  if (!membership || membership.role !== "student") throw new AppError("not-found", "No such student in this course.");
  const course = await loadCourseHead(id, db);
  const dueAt = new Map(course.exercises.map((e) => [e.exerciseId, e.dueAt ? new Date(e.dueAt) : null]));
  const rows = await db.submission.findMany({
    where: { userId: membership.userId, exerciseId: { in: course.exercises.map((e) => e.exerciseId) } },
    select: {
      id: true,
      kind: true,
      status: true,
      createdAt: true,
      exerciseId: true,
      exercise: { select: { slug: true, title: true } },
      result: { select: { verdict: true, score: true, maxScore: true } },
      _count: { select: { regrades: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: STUDENT_WORK_LIMIT,
  });
  const wanted = typeof selectedId === "string" ? rows.find((r) => r.id === selectedId) : undefined;
  const selected = wanted
    ? await db.submission.findUnique({ where: { id: wanted.id }, select: { id: true, code: true } })
    : null;
  return {
    course: { id: course.id, title: course.title },
    student: {
      id: membership.user.id,
      displayName: membership.user.displayName,
      email: membership.user.email,
      joinedAt: membership.joinedAt.toISOString(),
    },
    submissions: rows.map((row) => ({
      id: row.id,
      slug: row.exercise.slug,
      exerciseTitle: row.exercise.title,
      kind: row.kind,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      verdict: row.result?.verdict ?? null,
      score: row.result?.score ?? null,
      maxScore: row.result?.maxScore ?? null,
      late: creditFor(0, row.createdAt, dueAt.get(row.exerciseId) ?? null, course.latePolicy).late,
      regrades: row._count.regrades,
    })),
    selected: selected && wanted ? { id: selected.id, code: selected.code, slug: wanted.exercise.slug } : null,
  };
}
