import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";

export type AuthoredExerciseItem = {
  id: string;
  slug: string;
  title: string;
  authorName: string | null;
  latestVersion: number;
  publishedVersion: number | null;
};

/** Browser-authored exercises this user may edit: their own, or all of them for an admin. */
export async function listAuthoredExercises(
  user: Pick<SessionUser, "id" | "role">,
  { db = getDb() }: { db?: Db } = {},
): Promise<AuthoredExerciseItem[]> {
  const rows = await db.exercise.findMany({
    where: { source: "browser", ...(user.role === "admin" ? {} : { authorId: user.id }) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      publishedVersion: true,
      author: { select: { displayName: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    authorName: row.author?.displayName ?? null,
    latestVersion: row.versions[0]?.version ?? 0,
    publishedVersion: row.publishedVersion,
  }));
}
