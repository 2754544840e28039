"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../_components/form-fields";
import type { FormState } from "../_lib/form-state";
import { updateBoardSettingsAction } from "./actions";

export function BoardSettingsForm({ pseudonym, optOut }: { pseudonym: string; optOut: boolean }) {
  const initial: FormState = { message: null, fieldErrors: {}, values: { pseudonym, optOut: optOut ? "on" : "" } };
  const [state, action, pending] = useActionState(updateBoardSettingsAction, initial);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      {state.values.done ? (
        <p className="notice" role="status">
          {state.values.done}
        </p>
      ) : null}
      <Field
        name="pseudonym"
        label="Pseudonym"
        defaultValue={state.values.pseudonym}
        errors={state.fieldErrors}
        hint="Shown on leaderboards instead of your display name. Leave empty to use your display name."
      />
      <div className="field">
        <label>
          <input type="checkbox" name="optOut" defaultChecked={state.values.optOut === "on"} /> Leave me off the
          leaderboards others see
        </label>
        <p className="field-hint">
          You still see your own rank; your instructors still see your work in their courses.
        </p>
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Saving…" : "Save leaderboard settings"}
      </button>
    </form>
  );
}
