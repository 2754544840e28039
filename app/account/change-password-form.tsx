"use client";

import { useActionState } from "react";
import { changePasswordAction } from "../_actions/auth";
import { Field, FormMessage } from "../_components/form-fields";
import { EMPTY_FORM_STATE } from "../_lib/form-state";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      {state.values.done ? (
        <p className="notice" role="status">
          {state.values.done}
        </p>
      ) : null}
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors}
        hint="At least 8 characters."
      />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
