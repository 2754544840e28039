import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { requireAuthoredExercise } from "./authoring-access";
import { writeZip } from "./zip";

/**
 * A browser exercise as a folder of exercises/ in a ZIP: `<slug>/exercise.json`, statement,
 * sources, mutants/, fakes/ and alternates/ — the newest version, or `version` when given. Unzipped into
 * exercises/, it is an exercise like the others (`interleave validate` accepts it).
 */
export async function exportExercise(
  user: Pick<SessionUser, "id" | "role">,
  exerciseId: string,
  { db = getDb(), version }: { db?: Db; version?: number } = {},
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const exercise = await requireAuthoredExercise(user, exerciseId, db);
  const row = await db.exerciseVersion.findFirst({
    where: { exerciseId: exercise.id, ...(version === undefined ? {} : { version }) },
    orderBy: { version: "desc" },
  });
  if (!row) throw new AppError("not-found", "There is no such version.");
  const manifest = JSON.parse(row.manifestJson) as { slug: string };
  const files = JSON.parse(row.filesJson) as Record<string, string>;
  const encoder = new TextEncoder();
  const entries = [
    { name: `${manifest.slug}/exercise.json`, data: encoder.encode(`${row.manifestJson}\n`) },
    ...Object.entries(files).map(([name, text]) => ({ name: `${manifest.slug}/${name}`, data: encoder.encode(text) })),
  ];
  return { fileName: `${manifest.slug}-v${row.version}.zip`, bytes: writeZip(entries) };
}
