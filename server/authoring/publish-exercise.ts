import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parsePackage } from "./authored-package";
import { requireAuthoredExercise } from "./authoring-access";
import { rowFields } from "./save-exercise";
import { readValidationReport } from "./validation-report";

/**
 * Publish the newest version: only one whose validation of exactly its content passed (a save
 * clears it). Students then see it, and their submissions are graded against it.
 */
export async function publishExercise(
  user: Pick<SessionUser, "id" | "role">,
  exerciseId: string,
  { db = getDb(), now = new Date() }: { db?: Db; now?: Date } = {},
): Promise<{ version: number }> {
  const exercise = await requireAuthoredExercise(user, exerciseId, db);
  const latest = await db.exerciseVersion.findFirst({
    where: { exerciseId: exercise.id },
    orderBy: { version: "desc" },
  });
  if (!latest) throw new AppError("not-found", "This exercise has no saved version yet.");
  if (latest.publishedAt !== null) {
    throw new AppError("validation-failed", `Version ${latest.version} is already published: save a change first.`);
  }
  const report = readValidationReport(latest.validationJson);
  if (!report)
    throw new AppError("validation-failed", "Validate this version first: only a valid exercise is published.");
  if (!report.valid) {
    throw new AppError(
      "validation-failed",
      `Version ${latest.version} is not valid (${report.problems.length} problem(s)): fix them and validate again.`,
    );
  }
  const pkg = parsePackage(JSON.parse(latest.manifestJson), JSON.parse(latest.filesJson));
  const slugOwner = await db.exercise.findUnique({ where: { slug: pkg.manifest.slug }, select: { id: true } });
  if (slugOwner && slugOwner.id !== exercise.id) {
    throw new AppError("validation-failed", `The slug "${pkg.manifest.slug}" is now used by another exercise.`);
  }
  await db.$transaction([
    db.exerciseVersion.update({ where: { id: latest.id }, data: { publishedAt: now } }),
    db.exercise.update({
      where: { id: exercise.id },
      data: { ...rowFields(pkg), archived: false, publishedVersion: latest.version },
    }),
  ]);
  return { version: latest.version };
}
