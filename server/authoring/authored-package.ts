import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";
import { manifestSchema, type ExerciseManifest } from "../grading/manifest-schema";

// A browser-authored exercise is the same package as a folder of exercises/ (DESIGN.md
// "Exercise package"), held as data: exercise.json as the author wrote it plus the files by
// their path in the folder. Parsed with the grader's own manifest schema.

/** The paths a package may hold: the fixed files, and mutants/, fakes/ and alternates/ sources. */
export const PACKAGE_PATH =
  /^(statement\.md|starter\.ts|reference\.ts|harness\.ts|(mutants|fakes|alternates)\/[\w-][\w.-]*\.ts)$/;
export const REQUIRED_FILES = ["statement.md", "starter.ts", "reference.ts", "harness.ts"] as const;
export const MAX_FILE_CHARS = 100_000;
export const MAX_FILES = 40;

export const PackageFiles = z
  .record(
    z
      .string()
      .regex(
        PACKAGE_PATH,
        "a file of the exercise folder: statement.md, starter.ts, reference.ts, harness.ts, mutants/*.ts, fakes/*.ts or alternates/*.ts",
      ),
    z.string().max(MAX_FILE_CHARS, `at most ${MAX_FILE_CHARS} characters`),
  )
  .refine((files) => Object.keys(files).length <= MAX_FILES, `at most ${MAX_FILES} files`);

export type PackageFiles = z.infer<typeof PackageFiles>;

export type AuthoredPackage = {
  manifest: ExerciseManifest;
  /** exercise.json as written (defaults not filled in), pretty-printed. */
  manifestJson: string;
  files: PackageFiles;
};

/**
 * Parse a package; every problem is a field error: `manifest.<path>` for the manifest (the
 * zod path, e.g. manifest.checks.0.export) and `files.<path>` for a file. Throws AppError
 * "validation-failed".
 */
export function parsePackage(manifestInput: unknown, filesInput: unknown): AuthoredPackage {
  const fieldErrors: FieldErrors = {};
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);

  const manifest = manifestSchema.safeParse(manifestInput);
  if (!manifest.success) {
    for (const issue of manifest.error.issues) add(["manifest", ...issue.path].join("."), issue.message);
  }
  const files = PackageFiles.safeParse(filesInput);
  if (!files.success) {
    for (const issue of files.error.issues) add(["files", ...issue.path].join("."), issue.message);
  } else {
    for (const name of REQUIRED_FILES) if (!(name in files.data)) add(`files.${name}`, `missing ${name}`);
    if (manifest.success) {
      const listed = new Set(manifest.data.mutants.map((m) => m.file));
      manifest.data.mutants.forEach((m, i) => {
        if (!(m.file in files.data)) add(`manifest.mutants.${i}.file`, `${m.file} is not among the files`);
      });
      for (const name of Object.keys(files.data)) {
        if (name.startsWith("mutants/") && !listed.has(name))
          add(`files.${name}`, `${name} is not declared in the manifest's mutants (with the verdict it must get)`);
      }
    }
  }
  if (!manifest.success || !files.success || Object.keys(fieldErrors).length > 0) {
    throw new AppError("validation-failed", "The exercise has problems: see the highlighted fields.", fieldErrors);
  }
  return { manifest: manifest.data, manifestJson: JSON.stringify(manifestInput, null, 2), files: files.data };
}

/** What a validation is about: a result for other content is stale. */
export function contentHash(manifestJson: string, filesJson: string): string {
  return createHash("sha256").update(manifestJson).update("\0").update(filesJson).digest("hex");
}

/** Files in a stable order (required files first, then mutants/, fakes/ and alternates/ by name). */
export function sortedFiles(files: PackageFiles): PackageFiles {
  const rank = (name: string) => {
    const fixed = REQUIRED_FILES.indexOf(name as (typeof REQUIRED_FILES)[number]);
    return fixed >= 0 ? `0${fixed}` : `1${name}`;
  };
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (rank(a) < rank(b) ? -1 : 1)));
}
