"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/server/auth/guards";
import { hideBoardEntry, unhideBoardEntry } from "@/server/leaderboards/hide-board-entry";
import { formStateFromError, stringField, type FormState } from "../_lib/form-state";

// Server actions of the boards' "Manage" section: deliver, do not decide (server/leaderboards
// checks who may hide on which board).

// POST (a board's "Hide an entry" form)
export async function hideBoardEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const path = safeBoardPath(stringField(formData, "path"));
  const user = await requireUser(path);
  try {
    await hideBoardEntry(user, {
      userId: stringField(formData, "userId"),
      scope: stringField(formData, "scope"),
      reason: stringField(formData, "reason"),
    });
  } catch (error) {
    return formStateFromError(error, { reason: stringField(formData, "reason") });
  }
  revalidatePath(path.split("?")[0]!);
  return { message: null, fieldErrors: {}, values: { done: "Hidden. The reason is kept below." } };
}

// POST (a hidden entry's "Show again" button)
export async function unhideBoardEntryAction(formData: FormData): Promise<void> {
  const path = safeBoardPath(stringField(formData, "path"));
  const user = await requireUser(path);
  await unhideBoardEntry(user, { hideId: stringField(formData, "hideId") });
  revalidatePath(path.split("?")[0]!);
}

/** Only our own board pages: the path comes back from the form. */
function safeBoardPath(path: string): string {
  return /^\/(leaderboard|exercises\/[A-Za-z0-9._-]+\/leaderboard|courses\/[A-Za-z0-9_-]+\/leaderboard)(\?course=[A-Za-z0-9_-]+)?$/.test(
    path,
  )
    ? path
    : "/leaderboard";
}
