"use server";

import { requireUser } from "@/server/auth/guards";
import { updateBoardSettings } from "@/server/leaderboards/update-board-settings";
import { formStateFromError, stringField, type FormState } from "../_lib/form-state";

// POST (/account "Leaderboards"): pseudonym and opt-out.
export async function updateBoardSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser("/account");
  const values = { pseudonym: stringField(formData, "pseudonym"), optOut: formData.get("optOut") === "on" ? "on" : "" };
  try {
    const saved = await updateBoardSettings(user.id, { pseudonym: values.pseudonym, optOut: values.optOut === "on" });
    return {
      message: null,
      fieldErrors: {},
      values: {
        pseudonym: saved.pseudonym ?? "",
        optOut: saved.optOut ? "on" : "",
        done: saved.optOut
          ? "Saved. You are off the boards others see; you still see your own rank."
          : `Saved. Boards show you as ${saved.pseudonym ?? user.displayName}.`,
      },
    };
  } catch (error) {
    return formStateFromError(error, values);
  }
}
