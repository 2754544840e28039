"use client";

import { useActionState } from "react";
import { Field, FormMessage } from "../_components/form-fields";
import { EMPTY_FORM_STATE } from "../_lib/form-state";
import { createApiTokenAction } from "./api-token-actions";

export function ApiTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      {state.values.token ? (
        <div className="notice" role="status">
          <p>Your new token “{state.values.name}”. Copy it now: it is shown only this once.</p>
          <code data-testid="new-api-token">{state.values.token}</code>
        </div>
      ) : null}
      <Field
        name="name"
        label="Token name"
        errors={state.fieldErrors}
        hint="Say what will use it, e.g. “grading script”."
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
