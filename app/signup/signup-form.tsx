"use client";

import Link from "next/link";
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
          {state.code === "email-taken" ? (
            <p className="field-hint" data-testid="log-in-instead">
              <Link href={logInHref(next, email)}>Log in instead?</Link>
            </p>
          ) : null}
          <Field
            name="displayName"
            label="Display name"
            autoComplete="nickname"
            errors={state.fieldErrors}
            hint="Shown on leaderboards, to logged-in users only. You can choose a pseudonym or opt out on your account page."
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

function logInHref(next: string, email: string): string {
  const query = new URLSearchParams();
  if (next !== "/") query.set("next", next);
  if (email) query.set("email", email);
  const search = query.toString();
  return search ? `/login?${search}` : "/login";
}
