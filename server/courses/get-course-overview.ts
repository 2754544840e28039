import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { requireCourseAccess, type CourseAccess } from "./course-access";
import { loadCourseHead, loadScoredSubmissions, type CourseExerciseView } from "./course-exercises";
import { bestCell, type GradebookCell } from "./get-gradebook";
import { describeLatePolicy } from "./late-policy";

export type CourseOverview = {
  id: string;
  title: string;
  archived: boolean;
  access: Exclude<CourseAccess, "none">;
  latePolicy: string;
  /** Only for those who manage the course. */
  joinCode: string | null;
  students: number;
  exercises: (CourseExerciseView & { mine: GradebookCell })[];
  /** The viewer's own total (late policy applied) out of the points on offer. */
  standing: { total: number; maxTotal: number; solved: number };
};

/** The course page: its exercises with due dates, and the viewer's own standing in it. */
export async function getCourseOverview(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  db: Db = getDb(),
): Promise<CourseOverview> {
  const { courseId: id, access } = await requireCourseAccess(viewer, courseId, "member", db);
  const [course, students] = await Promise.all([
    loadCourseHead(id, db),
    db.courseMember.count({ where: { courseId: id, role: "student" } }),
  ]);
  const mine = await loadScoredSubmissions(
    [viewer!.id],
    course.exercises.map((e) => e.exerciseId),
    db,
  );
  let total = 0;
  let solved = 0;
  const exercises = course.exercises.map((exercise) => {
    const cell = bestCell(
      mine.filter((s) => s.exerciseId === exercise.exerciseId),
      exercise.dueAt ? new Date(exercise.dueAt) : null,
      course.latePolicy,
    );
    total += cell.score ?? 0;
    if (cell.passed) solved++;
    return { ...exercise, mine: cell };
  });
  return {
    id: course.id,
    title: course.title,
    archived: course.archived,
    access,
    latePolicy: describeLatePolicy(course.latePolicy),
    joinCode: access === "manage" ? course.joinCode : null,
    students,
    exercises,
    standing: {
      total: Math.round(total * 100) / 100,
      maxTotal: course.exercises.reduce((sum, e) => sum + e.points, 0),
      solved,
    },
  };
}
