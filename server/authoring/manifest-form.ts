import { AppError, type FieldErrors } from "../errors";

// The manifest as a form: one input per plain field, JSON for the nested ones (checks, mutants,
// schedules, runtime). manifestFromForm builds the object that the grader's zod schema then
// parses (authored-package.ts): the form adds no rule of its own beyond turning text into
// numbers, lists and JSON.

export const MANIFEST_FORM_FIELDS = [
  "id",
  "slug",
  "title",
  "chapter",
  "difficulty",
  "points",
  "tags",
  "summary",
  "hints",
  "checks",
  "mutants",
  "schedules",
  "runtime",
] as const;

export type ManifestForm = Record<(typeof MANIFEST_FORM_FIELDS)[number], string>;

const JSON_FIELDS = ["checks", "mutants", "schedules", "runtime"] as const;

/** The form's text as a manifest object (unvalidated). Throws AppError for text that is not JSON. */
export function manifestFromForm(form: Partial<ManifestForm>): Record<string, unknown> {
  const text = (name: keyof ManifestForm) => (form[name] ?? "").trim();
  const number = (name: keyof ManifestForm) => (text(name) === "" ? undefined : Number(text(name)));
  const fieldErrors: FieldErrors = {};
  const json: Partial<Record<(typeof JSON_FIELDS)[number], unknown>> = {};
  for (const name of JSON_FIELDS) {
    if (text(name) === "") continue;
    try {
      json[name] = JSON.parse(text(name));
    } catch (error) {
      fieldErrors[`manifest.${name}`] = [`not valid JSON: ${(error as Error).message}`];
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("validation-failed", "The exercise has problems: see the highlighted fields.", fieldErrors);
  }
  const manifest: Record<string, unknown> = {
    id: text("id"),
    slug: text("slug"),
    title: text("title"),
    chapter: number("chapter"),
    difficulty: text("difficulty"),
    points: number("points"),
    tags: text("tags")
      .split(",")
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ""),
    summary: text("summary"),
    checks: json.checks,
    mutants: json.mutants,
  };
  const hints = text("hints")
    .split("\n")
    .map((hint) => hint.trim())
    .filter((hint) => hint !== "");
  if (hints.length > 0) manifest.hints = hints;
  if (json.schedules !== undefined) manifest.schedules = json.schedules;
  if (json.runtime !== undefined) manifest.runtime = json.runtime;
  return manifest;
}

/** A stored manifest (as authored) back into the form's text. */
export function formFromManifest(manifest: Record<string, unknown>): ManifestForm {
  const pretty = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    id: String(manifest.id ?? ""),
    slug: String(manifest.slug ?? ""),
    title: String(manifest.title ?? ""),
    chapter: manifest.chapter === undefined ? "" : String(manifest.chapter),
    difficulty: String(manifest.difficulty ?? ""),
    points: manifest.points === undefined ? "" : String(manifest.points),
    tags: list(manifest.tags).join(", "),
    summary: String(manifest.summary ?? ""),
    hints: list(manifest.hints).join("\n"),
    checks: pretty(manifest.checks),
    mutants: pretty(manifest.mutants),
    schedules: pretty(manifest.schedules),
    runtime: pretty(manifest.runtime),
  };
}
