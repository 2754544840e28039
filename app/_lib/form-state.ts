import { isAppError, type FieldErrors } from "@/server/errors";

/** What a form's server action hands back to the form: a message, per-field errors, echoed values. */
export type FormState = {
  message: string | null;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
};

export const EMPTY_FORM_STATE: FormState = { message: null, fieldErrors: {}, values: {} };

/** Form fields as plain strings (a File or a missing field becomes ""). Passwords are never echoed. */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, stringField(formData, name)]));
}

export function stringField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** An AppError becomes the form's message; anything else is a bug and is rethrown. */
export function formStateFromError(error: unknown, values: Record<string, string>): FormState {
  if (!isAppError(error)) throw error;
  return { message: error.message, fieldErrors: error.fieldErrors, values };
}
