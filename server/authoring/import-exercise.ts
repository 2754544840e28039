import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { MAX_FILE_CHARS, MAX_FILES } from "./authored-package";
import { formFromManifest } from "./manifest-form";
import { requestValidation } from "./request-validation";
import { saveExercise } from "./save-exercise";
import { readZip, ZipError } from "./zip";

export const MAX_IMPORT_BYTES = 2_000_000;

/**
 * Import an exercise folder (a ZIP as exportExercise makes, or any store-only ZIP of one folder
 * of exercises/) as a new browser exercise. It is parsed like a save, then put in line for
 * validation: it appears to students only once validated and published.
 */
export async function importExercise(
  user: Pick<SessionUser, "id" | "role">,
  zip: Uint8Array,
  { db = getDb() }: { db?: Db } = {},
): Promise<{ exerciseId: string }> {
  if (zip.length > MAX_IMPORT_BYTES) throw invalid(`The ZIP is larger than ${MAX_IMPORT_BYTES} bytes.`);
  let entries;
  try {
    entries = readZip(zip, { maxEntries: MAX_FILES + 1, maxTotalBytes: (MAX_FILES + 1) * MAX_FILE_CHARS * 4 });
  } catch (error) {
    if (error instanceof ZipError) throw invalid(`The ZIP cannot be read: ${error.message}`);
    throw error;
  }
  // One folder (exercises/<slug>/...), or the folder's files at the top.
  const tops = new Set(entries.map((e) => (e.name.includes("/") ? e.name.split("/")[0] : "")));
  const prefix = tops.size === 1 && !entries.some((e) => e.name === "exercise.json") ? `${[...tops][0]}/` : "";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const files: Record<string, string> = {};
  let manifestText: string | null = null;
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix)) throw invalid(`${entry.name}: the ZIP must hold one exercise folder.`);
    const name = entry.name.slice(prefix.length);
    let text: string;
    try {
      text = decoder.decode(entry.data);
    } catch {
      throw invalid(`${entry.name} is not UTF-8 text.`);
    }
    if (name === "exercise.json") manifestText = text;
    else files[name] = text;
  }
  if (manifestText === null) throw invalid("The ZIP has no exercise.json.");
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch (error) {
    throw invalid(`exercise.json is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw invalid("exercise.json must hold an object.");
  }
  const { exerciseId } = await saveExercise(
    user,
    { form: formFromManifest(manifest as Record<string, unknown>), files },
    { db },
  );
  await requestValidation(user, exerciseId, { db });
  return { exerciseId };
}

function invalid(message: string): AppError {
  return new AppError("validation-failed", message, { file: [message] });
}
