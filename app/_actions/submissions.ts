"use server";

import { requireUser } from "@/server/auth/guards";
import { isAppError, type FieldErrors } from "@/server/errors";
import { getExerciseBySlug } from "@/server/exercises/get-exercise-by-slug";
import { listMySubmissions, type SubmissionPage } from "@/server/submissions/list-my-submissions";
import { submitSolution } from "@/server/submissions/submit-solution";

export type SubmitOutcome = { ok: true; id: string } | { ok: false; message: string; fieldErrors: FieldErrors };

// POST (the exercise page's Run and Submit buttons): store the code, put it in line, hand back
// its id. `kind` "run" is the quick check (visible checks, small budget, never scored). The page
// then follows GET /api/submissions/<id>/events (falling back to polling GET /api/submissions/<id>).
export async function submitSolutionAction(
  slug: string,
  code: string,
  kind: unknown = "submit",
): Promise<SubmitOutcome> {
  const user = await requireUser(`/exercises/${encodeURIComponent(String(slug))}`);
  try {
    const { id } = await submitSolution(user.id, { slug, code, kind });
    return { ok: true, id };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, message: error.fieldErrors.code?.[0] ?? error.message, fieldErrors: error.fieldErrors };
  }
}

// POST (the exercise page's "Show older submissions"): the session user's next page of
// submissions to this exercise, older than `before` (the last one shown).
export async function listOlderSubmissionsAction(slug: string, before: string): Promise<SubmissionPage> {
  const user = await requireUser(`/exercises/${encodeURIComponent(String(slug))}`);
  const exercise = typeof slug === "string" ? await getExerciseBySlug(slug) : null;
  if (!exercise) return { submissions: [], hasMore: false };
  return listMySubmissions(user.id, exercise.id, { before });
}
