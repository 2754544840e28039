// Reads exercises/ from disk. Every problem names the file and the field, so an author
// can fix it without guessing; a broken exercise never hides the others.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { manifestSchema, type ExerciseManifest } from "./manifest";

export interface LoadedExercise {
  dir: string;
  manifest: ExerciseManifest;
  statement: string;
  starter: string;
  reference: string;
  harness: string;
  mutants: { file: string; source: string; verdict: ExerciseManifest["mutants"][number]["verdict"]; bug: string }[];
  /** The break-it target's source (`manifest.target`, issue 14). */
  target?: string;
  /**
   * `fakes/*.ts`, found on disk (no manifest entry): solutions that dodge the exercise (issue 12).
   * Optional only so that hand-built exercises in tests need not list them; the loader always sets it.
   */
  fakes?: LoadedFake[];
  /**
   * `alternates/*.ts`, found on disk: other correct solutions, written differently from the
   * reference (another primitive, another split of the work); each must score full points, so
   * that a check tightened against fakes raises no false alarm. Optional as `fakes` is.
   */
  alternates?: LoadedAlternate[];
}

export interface LoadedAlternate {
  file: string;
  source: string;
  /** How it differs from the reference, from the first line `// Alternate: <how>`; null when missing. */
  approach: string | null;
}

/** The header every alternate opens with: how it differs from the reference. */
export const ALTERNATE_HEADER = /^\/\/ Alternate: (\S.*)$/;

export interface LoadedFake {
  file: string;
  source: string;
  /** The dodge named by the first line, `// Fake: <the dodge>`; null when the header is missing. */
  dodge: string | null;
}

/** The header every fake opens with: it says which way of dodging the exercise the file tries. */
export const FAKE_HEADER = /^\/\/ Fake: (\S.*)$/;

/** Every `<folder>/*.ts` of an exercise folder, by name, with what its header line names. */
function loadHeaded(
  dir: string,
  folder: string,
  header: RegExp,
): { file: string; source: string; named: string | null }[] {
  const sub = path.join(dir, folder);
  if (!existsSync(sub) || !statSync(sub).isDirectory()) return [];
  return readdirSync(sub)
    .filter((name) => name.endsWith(".ts") && !name.startsWith("."))
    .sort()
    .map((name) => {
      const source = readFileSync(path.join(sub, name), "utf8");
      const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
      const named = header.exec(firstLine.trimEnd())?.[1]?.trim() ?? null;
      return { file: `${folder}/${name}`, source, named };
    });
}

/** Every `fakes/*.ts` of an exercise folder, by name. */
export function loadFakes(dir: string): LoadedFake[] {
  return loadHeaded(dir, "fakes", FAKE_HEADER).map(({ file, source, named }) => ({ file, source, dodge: named }));
}

/** Every `alternates/*.ts` of an exercise folder, by name. */
export function loadAlternates(dir: string): LoadedAlternate[] {
  return loadHeaded(dir, "alternates", ALTERNATE_HEADER).map(({ file, source, named }) => ({
    file,
    source,
    approach: named,
  }));
}

export interface CatalogueProblem {
  path: string;
  message: string;
}

export interface Catalogue {
  exercises: LoadedExercise[];
  problems: CatalogueProblem[];
}

const REQUIRED = ["statement.md", "starter.ts", "reference.ts", "harness.ts"] as const;

function zodProblems(file: string, error: z.ZodError): CatalogueProblem[] {
  return error.issues.map((issue) => ({
    path: file,
    message: `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`,
  }));
}

export function loadExercise(dir: string): { exercise?: LoadedExercise; problems: CatalogueProblem[] } {
  const manifestPath = path.join(dir, "exercise.json");
  if (!existsSync(manifestPath)) return { problems: [{ path: manifestPath, message: "missing exercise.json" }] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (error) {
    return { problems: [{ path: manifestPath, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(manifestPath, parsed.error) };
  const manifest = parsed.data;
  const problems: CatalogueProblem[] = [];
  if (manifest.slug !== path.basename(dir)) {
    problems.push({
      path: manifestPath,
      message: `slug: "${manifest.slug}" must equal the folder name "${path.basename(dir)}"`,
    });
  }
  const read = (name: string): string => {
    const p = path.join(dir, name);
    if (!existsSync(p)) {
      problems.push({ path: p, message: `missing ${name}` });
      return "";
    }
    return readFileSync(p, "utf8");
  };
  const files = Object.fromEntries(REQUIRED.map((f) => [f, read(f)])) as Record<(typeof REQUIRED)[number], string>;
  const mutants = manifest.mutants.map((m) => ({ file: m.file, source: read(m.file), verdict: m.verdict, bug: m.bug }));
  const target = manifest.target === undefined ? undefined : read(manifest.target);
  if (problems.length > 0) return { problems };
  return {
    exercise: {
      dir,
      manifest,
      statement: files["statement.md"],
      starter: files["starter.ts"],
      reference: files["reference.ts"],
      harness: files["harness.ts"],
      mutants,
      fakes: loadFakes(dir),
      ...(target === undefined ? {} : { target }),
      alternates: loadAlternates(dir),
    },
    problems,
  };
}

/** Every folder of `root` that holds an exercise (or should: any folder is checked). */
export async function loadCatalogue(root: string): Promise<Catalogue> {
  const exercises: LoadedExercise[] = [];
  const problems: CatalogueProblem[] = [];
  if (!existsSync(root)) return { exercises, problems: [{ path: root, message: "no exercises folder" }] };
  const dirs = readdirSync(root)
    .filter((name) => !name.startsWith(".") && !name.startsWith("_"))
    .map((name) => path.join(root, name))
    .filter((p) => statSync(p).isDirectory())
    .sort();
  const ids = new Map<string, string>();
  for (const dir of dirs) {
    const r = loadExercise(dir);
    problems.push(...r.problems);
    if (!r.exercise) continue;
    const other = ids.get(r.exercise.manifest.id);
    if (other) {
      problems.push({
        path: path.join(dir, "exercise.json"),
        message: `id: "${r.exercise.manifest.id}" is already used by ${other}`,
      });
      continue;
    }
    ids.set(r.exercise.manifest.id, dir);
    exercises.push(r.exercise);
  }
  return { exercises, problems };
}
