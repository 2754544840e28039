"use client";

import { AuthForm, type AuthFormState } from "../_components/auth-form";
import { Field } from "../_components/form-fields";

export function LoginForm({ next, initial, email }: { next: string; initial: AuthFormState; email: string }) {
  return (
    <AuthForm endpoint="/api/auth/login" next={next} submitLabel="Log in" pendingLabel="Logging in…" initial={initial}>
      {(state) => (
        <>
          <Field
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            defaultValue={email}
            errors={state.fieldErrors}
          />
          <Field
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            errors={state.fieldErrors}
          />
        </>
      )}
    </AuthForm>
  );
}
