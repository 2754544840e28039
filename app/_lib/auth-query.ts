import type { AuthFormState } from "../_components/auth-form";

// Without JavaScript the auth route handlers redirect back to the form with ?error=<code>: the
// message is chosen here from a closed list, never taken from the URL.
const MESSAGES: Record<string, string> = {
  "validation-failed": "Please fill in every field: a valid email address and a password of at least 8 characters.",
  "email-taken": "An account with this email already exists.",
  "invalid-credentials": "That email and password do not match an account.",
};

export function formStateFromQuery(error: unknown): AuthFormState {
  const message = typeof error === "string" ? (MESSAGES[error] ?? null) : null;
  return { message, fieldErrors: {}, code: message ? (error as string) : undefined };
}

export function queryValue(value: string | string[] | undefined): string {
  return typeof value === "string" ? value.slice(0, 254) : "";
}
