"use client";

import { useActionState } from "react";
import { signUpAction } from "../_actions/auth";
import { Field, FormMessage } from "../_components/form-fields";
import { EMPTY_FORM_STATE } from "../_lib/form-state";

export function SignupForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signUpAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={state.values.email}
        errors={state.fieldErrors}
      />
      <Field
        name="displayName"
        label="Display name"
        autoComplete="nickname"
        defaultValue={state.values.displayName}
        errors={state.fieldErrors}
        hint="Shown on leaderboards."
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors}
        hint="At least 8 characters."
      />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
