import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { contentHash } from "./authored-package";
import { requireAuthoredExercise } from "./authoring-access";
import { formFromManifest, type ManifestForm } from "./manifest-form";
import { readValidationReport, type ValidationReport } from "./validation-report";

export type ValidationState =
  | { status: "none" }
  | { status: "queued" | "running"; requestedAt: string }
  | { status: "failed"; error: string }
  | { status: "done"; report: ValidationReport };

export type AuthoringView = {
  exerciseId: string;
  slug: string;
  version: number;
  published: boolean;
  publishedVersion: number | null;
  form: ManifestForm;
  files: Record<string, string>;
  validation: ValidationState;
  /** The newest version passed validation and is not published yet. */
  publishable: boolean;
  versions: { version: number; publishedAt: string | null; createdAt: string }[];
};

/** Everything the edit page shows: the newest version, its validation, the version history. */
export async function getAuthoringView(
  user: Pick<SessionUser, "id" | "role">,
  exerciseId: string,
  { db = getDb() }: { db?: Db } = {},
): Promise<AuthoringView> {
  const exercise = await requireAuthoredExercise(user, exerciseId, db);
  const versions = await db.exerciseVersion.findMany({
    where: { exerciseId: exercise.id },
    orderBy: { version: "desc" },
  });
  const latest = versions[0];
  if (!latest) throw new AppError("not-found", "This exercise has no saved version yet.");
  return {
    exerciseId: exercise.id,
    slug: exercise.slug,
    version: latest.version,
    published: latest.publishedAt !== null,
    publishedVersion: exercise.publishedVersion,
    form: formFromManifest(JSON.parse(latest.manifestJson) as Record<string, unknown>),
    files: JSON.parse(latest.filesJson) as Record<string, string>,
    validation: await validationState(latest, db),
    publishable: latest.publishedAt === null && readValidationReport(latest.validationJson)?.valid === true,
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** The state of the newest validation of a version's current content. */
export async function validationState(
  version: { id: string; manifestJson: string; filesJson: string; validationJson: string | null },
  db: Db,
): Promise<ValidationState> {
  const job = await db.exerciseValidation.findFirst({
    where: { versionId: version.id },
    orderBy: { createdAt: "desc" },
  });
  if (job && (job.status === "queued" || job.status === "running")) {
    return { status: job.status, requestedAt: job.createdAt.toISOString() };
  }
  const report = readValidationReport(version.validationJson);
  if (report) return { status: "done", report };
  // A job that failed for content saved over since then says nothing about this content.
  if (job?.status === "failed" && job.contentHash === contentHash(version.manifestJson, version.filesJson)) {
    return { status: "failed", error: job.error ?? "The validation failed." };
  }
  return { status: "none" };
}
