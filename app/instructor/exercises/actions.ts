"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/server/auth/guards";
import { getAuthoringView, type AuthoringView } from "@/server/authoring/get-authoring-view";
import { importExercise } from "@/server/authoring/import-exercise";
import { publishExercise } from "@/server/authoring/publish-exercise";
import { requestValidation } from "@/server/authoring/request-validation";
import { saveExercise } from "@/server/authoring/save-exercise";
import { isAppError, type FieldErrors } from "@/server/errors";
import { formStateFromError, type FormState } from "../../_lib/form-state";

// The authoring page's operations (issue 16). Each checks the session's role here and the
// author's right in server/authoring (authors edit their own browser exercises, admins all).

export type AuthoringOutcome<T> = { ok: true; value: T } | { ok: false; message: string; fieldErrors: FieldErrors };

async function attempt<T>(run: () => Promise<T>): Promise<AuthoringOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  }
}

// POST (Save): a new exercise (no exerciseId) or the newest version of one.
export async function saveExerciseAction(input: {
  exerciseId?: string;
  form: Record<string, string>;
  files: Record<string, string>;
}) {
  const user = await requireRole("instructor", "/instructor/exercises");
  return attempt(() => saveExercise(user, input));
}

// POST (Validate): the newest version in line for the grading worker.
export async function requestValidationAction(exerciseId: string) {
  const user = await requireRole("instructor", "/instructor/exercises");
  return attempt(() => requestValidation(user, exerciseId));
}

// POST (polled while a validation runs, and after a save): the page's state.
export async function authoringViewAction(exerciseId: string): Promise<AuthoringOutcome<AuthoringView>> {
  const user = await requireRole("instructor", "/instructor/exercises");
  return attempt(() => getAuthoringView(user, exerciseId));
}

// POST (Publish): refused unless the newest version was validated and is valid.
export async function publishExerciseAction(exerciseId: string) {
  const user = await requireRole("instructor", "/instructor/exercises");
  return attempt(() => publishExercise(user, exerciseId));
}

// POST (the import form): a ZIP of one exercise folder becomes a new exercise, queued for validation.
export async function importExerciseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireRole("instructor", "/instructor/exercises");
  const file = formData.get("file");
  let exerciseId: string;
  try {
    if (!(file instanceof File) || file.size === 0) {
      return { message: "Choose a ZIP file.", fieldErrors: { file: ["Choose a ZIP file."] }, values: {} };
    }
    ({ exerciseId } = await importExercise(user, new Uint8Array(await file.arrayBuffer())));
  } catch (error) {
    return formStateFromError(error, {});
  }
  redirect(`/instructor/exercises/${encodeURIComponent(exerciseId)}/edit`);
}
