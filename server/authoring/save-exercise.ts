import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { parsePackage, sortedFiles, type AuthoredPackage } from "./authored-package";
import { requireAuthoredExercise } from "./authoring-access";
import { manifestFromForm } from "./manifest-form";
import { SaveExerciseInput } from "./save-exercise.schema";

export type SaveExerciseResult = { exerciseId: string; version: number; newVersion: boolean };

/**
 * Save the author's exercise. A new exercise gets version 1, hidden (archived) until published.
 * The newest version, while unpublished, is the draft and is overwritten (its validation is
 * then void); saving over a published version makes version + 1, so the students' submissions
 * keep the version they were graded against.
 */
export async function saveExercise(
  user: Pick<SessionUser, "id" | "role">,
  input: unknown,
  { db = getDb() }: { db?: Db } = {},
): Promise<SaveExerciseResult> {
  const { exerciseId, form, files } = parseInput(SaveExerciseInput, input);
  const pkg = parsePackage(manifestFromForm(form), files);
  const { manifest } = pkg;
  const filesJson = JSON.stringify(sortedFiles(pkg.files));

  if (exerciseId === undefined) {
    const clash = await db.exercise.findFirst({
      where: { OR: [{ id: manifest.id }, { slug: manifest.slug }] },
      select: { id: true },
    });
    if (clash) throw taken(clash.id === manifest.id ? "id" : "slug", manifest);
    await createOrRefuse(manifest, () =>
      db.exercise.create({
        data: {
          ...rowFields(pkg),
          id: manifest.id,
          source: "browser",
          authorId: user.id,
          archived: true,
          versions: { create: { version: 1, manifestJson: pkg.manifestJson, filesJson } },
        },
      }),
    );
    return { exerciseId: manifest.id, version: 1, newVersion: true };
  }

  const exercise = await requireAuthoredExercise(user, exerciseId, db);
  if (manifest.id !== exercise.id) {
    throw new AppError("validation-failed", "The exercise has problems: see the highlighted fields.", {
      "manifest.id": [`the stable id never changes: it is "${exercise.id}"`],
    });
  }
  const slugOwner = await db.exercise.findUnique({ where: { slug: manifest.slug }, select: { id: true } });
  if (slugOwner && slugOwner.id !== exercise.id) throw taken("slug", manifest);

  return db.$transaction(async (tx) => {
    const latest = await tx.exerciseVersion.findFirst({
      where: { exerciseId: exercise.id },
      orderBy: { version: "desc" },
    });
    // Until the first publication, the row shows the draft (students do not see it: archived).
    if (exercise.publishedVersion === null) {
      await tx.exercise.update({ where: { id: exercise.id }, data: rowFields(pkg) });
    }
    if (latest && latest.publishedAt === null) {
      await tx.exerciseVersion.update({
        where: { id: latest.id },
        data: { manifestJson: pkg.manifestJson, filesJson, validationJson: null },
      });
      return { exerciseId: exercise.id, version: latest.version, newVersion: false };
    }
    const version = (latest?.version ?? 0) + 1;
    await tx.exerciseVersion.create({
      data: { exerciseId: exercise.id, version, manifestJson: pkg.manifestJson, filesJson },
    });
    return { exerciseId: exercise.id, version, newVersion: true };
  });
}

/** The Exercise row's copy of a package (what lists and the student's page read). */
export function rowFields({ manifest, files }: AuthoredPackage) {
  return {
    slug: manifest.slug,
    title: manifest.title,
    chapter: manifest.chapter,
    difficulty: manifest.difficulty,
    points: manifest.points,
    tags: JSON.stringify(manifest.tags),
    summary: manifest.summary,
    statementMd: files["statement.md"] ?? "",
    starterCode: files["starter.ts"] ?? "",
  };
}

/** Two authors creating the same id or slug at once: the loser gets the field error, not a 500. */
async function createOrRefuse(manifest: { id: string; slug: string }, create: () => Promise<unknown>) {
  try {
    await create();
  } catch (error) {
    const target =
      (error as { code?: string; meta?: { target?: unknown } }).code === "P2002"
        ? String((error as { meta?: { target?: unknown } }).meta?.target ?? "")
        : null;
    if (target === null) throw error;
    throw taken(target.includes("slug") ? "slug" : "id", manifest);
  }
}

function taken(field: "id" | "slug", manifest: { id: string; slug: string }): AppError {
  return new AppError("validation-failed", "The exercise has problems: see the highlighted fields.", {
    [`manifest.${field}`]: [`"${manifest[field]}" is already used by another exercise`],
  });
}
