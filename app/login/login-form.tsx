"use client";

import { useActionState } from "react";
import { logInAction } from "../_actions/auth";
import { Field, FormMessage } from "../_components/form-fields";
import { EMPTY_FORM_STATE } from "../_lib/form-state";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(logInAction, EMPTY_FORM_STATE);
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
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors}
      />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
