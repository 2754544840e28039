// Failures that cross the server/ boundary carry a code from this closed set; pages and
// actions map codes to messages and status, and anything else is a bug (a real 500).
export type AppErrorCode =
  | "validation-failed"
  | "email-taken"
  | "invalid-credentials"
  | "unauthenticated"
  | "forbidden"
  | "not-found";

export type FieldErrors = Partial<Record<string, string[]>>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldErrors;

  constructor(code: AppErrorCode, message: string, fieldErrors: FieldErrors = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
