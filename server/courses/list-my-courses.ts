import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";

export type CourseListEntry = {
  id: string;
  title: string;
  archived: boolean;
  students: number;
  exercises: number;
  /** Shown to those who teach it. */
  joinCode: string | null;
  /** Exercises due from now on, soonest first (at most 3). */
  upcoming: { slug: string; title: string; dueAt: string }[];
};

export type MyCourses = { teaching: CourseListEntry[]; enrolled: CourseListEntry[] };

/**
 * The courses a user teaches (owns, or co-teaches as an instructor; an admin: every course) and
 * those they are enrolled in. Nothing else: an instructor never sees other instructors' courses.
 */
export async function listMyCourses(
  viewer: Pick<SessionUser, "id" | "role">,
  db: Db = getDb(),
  now = new Date(),
): Promise<MyCourses> {
  const select = {
    id: true,
    title: true,
    archived: true,
    joinCode: true,
    ownerId: true,
    _count: { select: { exercises: true, members: { where: { role: "student" } } } },
    members: { where: { userId: viewer.id }, select: { role: true } },
    exercises: {
      where: { dueAt: { gte: now } },
      select: { dueAt: true, exercise: { select: { slug: true, title: true } } },
      orderBy: { dueAt: "asc" },
      take: 3,
    },
  } as const;
  const rows = await db.course.findMany({
    where:
      viewer.role === "admin" ? {} : { OR: [{ ownerId: viewer.id }, { members: { some: { userId: viewer.id } } }] },
    select,
    orderBy: [{ archived: "asc" }, { createdAt: "desc" }],
  });
  const teaching: CourseListEntry[] = [];
  const enrolled: CourseListEntry[] = [];
  for (const row of rows) {
    const role = row.members[0]?.role ?? null;
    const teaches =
      viewer.role === "admin" || (viewer.role === "instructor" && (row.ownerId === viewer.id || role === "instructor"));
    const entry = {
      id: row.id,
      title: row.title,
      archived: row.archived,
      students: row._count.members,
      exercises: row._count.exercises,
      joinCode: teaches ? row.joinCode : null,
      upcoming: row.exercises.map((e) => ({ ...e.exercise, dueAt: e.dueAt!.toISOString() })),
    };
    if (teaches) teaching.push(entry);
    else enrolled.push(entry);
  }
  return { teaching, enrolled };
}
