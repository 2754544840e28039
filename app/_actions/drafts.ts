"use server";

import { requireUser } from "@/server/auth/guards";
import { saveDraft } from "@/server/drafts/save-draft";
import { isAppError } from "@/server/errors";

export type SaveDraftOutcome = { ok: true; savedAt: string } | { ok: false; message: string };

// POST (the exercise editor, debounced as the student types): store the editor's code as the
// session user's draft of this exercise. The owner is the session's user, never the client's word.
export async function saveDraftAction(slug: string, code: string): Promise<SaveDraftOutcome> {
  const user = await requireUser(`/exercises/${encodeURIComponent(String(slug))}`);
  try {
    return { ok: true, ...(await saveDraft(user.id, { slug, code })) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, message: error.fieldErrors.code?.[0] ?? error.message };
  }
}
