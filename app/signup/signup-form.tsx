"use client";

import { AuthForm, type AuthFormState } from "../_components/auth-form";
import { Field } from "../_components/form-fields";

export function SignupForm({ next, initial, email }: { next: string; initial: AuthFormState; email: string }) {
  return (
    <AuthForm
      endpoint="/api/auth/signup"
      next={next}
      submitLabel="Create account"
      pendingLabel="Creating your account…"
      initial={initial}
    >
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
            name="displayName"
            label="Display name"
            autoComplete="nickname"
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
        </>
      )}
    </AuthForm>
  );
}
