import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { requireCourseAccess } from "./course-access";
import { loadCourseHead, type CourseExerciseView } from "./course-exercises";

export type CourseSettings = {
  id: string;
  title: string;
  joinCode: string;
  /** As the settings form's fields. */
  form: { title: string; lateKind: string; percentPerDay: string; maxDays: string };
  exercises: CourseExerciseView[];
  /** Live catalogue exercises not yet in the course. */
  choices: { slug: string; title: string }[];
  students: number;
};

/** The settings page of a course (manage access): its policy, exercises and what can be added. */
export async function getCourseSettings(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  db: Db = getDb(),
): Promise<CourseSettings> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const [course, catalogue, students] = await Promise.all([
    loadCourseHead(id, db),
    db.exercise.findMany({
      where: { archived: false },
      select: { slug: true, title: true },
      orderBy: [{ chapter: "asc" }, { title: "asc" }],
    }),
    db.courseMember.count({ where: { courseId: id, role: "student" } }),
  ]);
  const inCourse = new Set(course.exercises.map((e) => e.slug));
  const policy = course.latePolicy;
  return {
    id: course.id,
    title: course.title,
    joinCode: course.joinCode,
    form: {
      title: course.title,
      lateKind: policy.kind,
      percentPerDay: policy.kind === "penalty" ? String(policy.percentPerDay) : "10",
      maxDays: policy.kind === "penalty" ? String(policy.maxDays) : "7",
    },
    exercises: course.exercises,
    choices: catalogue.filter((e) => !inCourse.has(e.slug)),
    students,
  };
}
