// Failures that cross the server/ boundary carry a code from this closed set; pages and
// actions map codes to messages and status, and anything else is a bug (a real 500).
export type AppErrorCode =
  | "validation-failed"
  | "email-taken"
  | "invalid-credentials"
  | "rate-limited"
  | "unauthenticated"
  | "forbidden"
  | "not-found";

export type FieldErrors = Partial<Record<string, string[]>>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors;
  /** "rate-limited" only: when the client may try again (the HTTP Retry-After). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, fieldErrors: FieldErrors = {}, retryAfterSeconds?: number) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
