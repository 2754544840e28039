import { isDatabaseUnavailable, UNAVAILABLE_RETRY_SECONDS } from "@/server/database-unavailable";
import { isAppError } from "@/server/errors";

// What the JSON API (app/api/submissions/**) answers when a call fails: the AppError's code and
// message (429 with Retry-After for the per-user limits), or 503 with Retry-After while the
// database is unreachable (issue 17: a client retries, nothing is lost).

const STATUS = { "validation-failed": 422, "not-found": 404, "rate-limited": 429, forbidden: 403 } as const;

/** An AppError or an unreachable database as a JSON answer; anything else is a bug, rethrown. */
export function apiFailure(error: unknown): Response {
  if (isAppError(error)) {
    const status = STATUS[error.code as keyof typeof STATUS] ?? 400;
    const headers: Record<string, string> =
      error.retryAfterSeconds !== undefined ? { "Retry-After": String(error.retryAfterSeconds) } : {};
    return json(
      {
        code: error.code,
        message: error.message,
        fieldErrors: error.fieldErrors,
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      },
      status,
      headers,
    );
  }
  if (isDatabaseUnavailable(error)) {
    return json(
      {
        code: "unavailable",
        message: "The database is unavailable for a moment: nothing was changed. Try again in a few seconds.",
        retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
      },
      503,
      { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) },
    );
  }
  throw error;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
