"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { FieldErrors } from "@/server/errors";
import { FormMessage } from "./form-fields";

export type AuthFormState = { message: string | null; fieldErrors: FieldErrors; code?: string };

type AuthFormProps = {
  endpoint: "/api/auth/login" | "/api/auth/signup";
  next: string;
  submitLabel: string;
  pendingLabel: string;
  initial: AuthFormState;
  children: (state: AuthFormState) => ReactNode;
};

/**
 * Posts to a route handler (which can answer 429 with Retry-After, unlike a server action).
 * With JavaScript: fetch, then the message or the next page. Without: the browser posts the form
 * and the handler redirects back with the failure in the query.
 */
export function AuthForm({ endpoint, next, submitLabel, pendingLabel, initial, children }: AuthFormProps) {
  const [state, setState] = useState<AuthFormState>(initial);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { Accept: "application/json" },
      });
      const body = (await response.json().catch(() => ({}))) as {
        redirectTo?: string;
        code?: string;
        message?: string;
        fieldErrors?: FieldErrors;
      };
      if (response.ok && body.redirectTo) {
        window.location.assign(body.redirectTo);
        return;
      }
      setState({
        message: body.message ?? "Something went wrong. Try again.",
        fieldErrors: body.fieldErrors ?? {},
        code: body.code,
      });
    } catch {
      setState({ message: "The server could not be reached. Try again.", fieldErrors: {} });
    }
    setPending(false);
  }

  return (
    <form action={endpoint} method="post" className="form" noValidate onSubmit={submit}>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      {children(state)}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
