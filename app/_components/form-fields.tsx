import type { FieldErrors } from "@/server/errors";

type FieldProps = {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  defaultValue?: string;
  errors: FieldErrors;
  hint?: string;
};

/** A labelled input whose errors are announced and tied to it (aria-describedby). */
export function Field({ name, label, type = "text", autoComplete, defaultValue, errors, hint }: FieldProps) {
  const messages = errors[name] ?? [];
  const describedBy = [hint ? `${name}-hint` : null, messages.length ? `${name}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {messages.length ? (
        <p id={`${name}-error`} className="field-error" role="alert">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
