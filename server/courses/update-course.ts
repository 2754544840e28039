import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { parseInput } from "../validation";
import { requireCourseAccess } from "./course-access";
import { CourseSettingsInput } from "./course-settings.schema";

/** Change a course's title and late policy (manage access). */
export async function updateCourse(
  viewer: Pick<SessionUser, "id" | "role"> | null,
  courseId: unknown,
  input: unknown,
  db: Db = getDb(),
): Promise<void> {
  const { courseId: id } = await requireCourseAccess(viewer, courseId, "manage", db);
  const { title, latePolicy } = parseInput(CourseSettingsInput, input);
  await db.course.update({ where: { id }, data: { title, latePolicy: JSON.stringify(latePolicy) } });
}
