import { isAppError, type AppError } from "@/server/errors";

// What the log-in and sign-up route handlers answer. They are route handlers, not server
// actions, because a refusal must be an HTTP 429 with Retry-After (a server action always
// answers 200). The forms post here with fetch and show the JSON; without JavaScript the browser
// posts the form itself and gets a redirect (or, when throttled, a short page saying so).

export type AuthFailureBody = {
  /** The AppError code, so a form can offer the way out (email-taken: a link to log in). */
  code?: AppError["code"];
  message: string;
  fieldErrors: Partial<Record<string, string[]>>;
  retryAfterSeconds?: number;
};

const STATUS: Partial<Record<AppError["code"], number>> = {
  "validation-failed": 422,
  "email-taken": 409,
  "invalid-credentials": 401,
  "rate-limited": 429,
};

/** Requests from our own pages send Origin (or Sec-Fetch-Site); a cross-site form post is refused. */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The fetch from our forms asks for JSON; a browser posting the form without JavaScript does not. */
export function wantsJson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("application/json");
}

/** Form fields or a JSON object, as plain values (anything else in them is ignored). */
export async function readFields(request: Request, names: readonly string[]): Promise<Record<string, unknown> | null> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
      return Object.fromEntries(names.map((name) => [name, (body as Record<string, unknown>)[name]]));
    }
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const form = await request.formData();
      return Object.fromEntries(names.map((name) => [name, form.get(name) ?? undefined]));
    }
  } catch {
    return null;
  }
  return null;
}

export function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function badRequest(): Response {
  return jsonResponse(
    { message: "Send the form's fields as a form or as a JSON object.", fieldErrors: {} } satisfies AuthFailureBody,
    400,
  );
}

export function crossSite(): Response {
  return jsonResponse({ message: "This form can only be sent from this site.", fieldErrors: {} }, 403);
}

/** An AppError as a status and JSON body (429 with Retry-After); anything else is a bug, rethrown. */
export function failureResponse(error: unknown): Response {
  if (!isAppError(error)) throw error;
  const status = STATUS[error.code] ?? 400;
  const body: AuthFailureBody = { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined) {
    body.retryAfterSeconds = error.retryAfterSeconds;
    headers["Retry-After"] = String(error.retryAfterSeconds);
  }
  return jsonResponse(body, status, headers);
}

/** Without JavaScript: back to the form with the failure named in the query (or a 429 page). */
export function formFailureResponse(
  error: unknown,
  form: "/login" | "/signup",
  next: string,
  email: unknown,
): Response {
  if (!isAppError(error)) throw error;
  if (error.code === "rate-limited") {
    const text = `${error.message} <a href="${form}">Back to the form</a>.`;
    return new Response(`<!doctype html><meta charset="utf-8"><title>Too many attempts</title><p>${text}</p>`, {
      status: 429,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Retry-After": String(error.retryAfterSeconds ?? 60),
        "Cache-Control": "no-store",
      },
    });
  }
  const query = new URLSearchParams({ error: error.code });
  if (next !== "/") query.set("next", next);
  if (typeof email === "string" && email.length <= 254) query.set("email", email);
  return redirectTo(`${form}?${query}`);
}

/** 303: the browser follows with a GET. A relative Location keeps the browser on this site. */
export function redirectTo(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
