import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { contentHash } from "./authored-package";
import { requireAuthoredExercise } from "./authoring-access";

/**
 * Put the newest version in line for validation (`interleave validate`'s proof, run by the
 * grading worker: the web server never runs author code). A job already waiting or running for
 * the same content is reused. Returns the job's id.
 */
export async function requestValidation(
  user: Pick<SessionUser, "id" | "role">,
  exerciseId: string,
  { db = getDb() }: { db?: Db } = {},
): Promise<{ validationId: string; version: number }> {
  const exercise = await requireAuthoredExercise(user, exerciseId, db);
  const latest = await db.exerciseVersion.findFirst({
    where: { exerciseId: exercise.id },
    orderBy: { version: "desc" },
  });
  if (!latest) throw new AppError("not-found", "This exercise has no saved version yet.");
  const hash = contentHash(latest.manifestJson, latest.filesJson);
  const pending = await db.exerciseValidation.findFirst({
    where: { versionId: latest.id, contentHash: hash, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  if (pending) return { validationId: pending.id, version: latest.version };
  const job = await db.exerciseValidation.create({
    data: { versionId: latest.id, contentHash: hash },
    select: { id: true },
  });
  return { validationId: job.id, version: latest.version };
}
