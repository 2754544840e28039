import { requestUser } from "@/server/api-tokens/request-user";
import { placeInLine } from "@/server/submissions/place-in-line";
import { submitSolution } from "@/server/submissions/submit-solution";
import { apiFailure } from "../../_lib/api-failure";
import { isCrossSite } from "../../_lib/auth-responses";

// POST /api/submissions — create a submission: JSON { slug, code, kind?: "submit" | "run" }.
// Auth: `Authorization: Bearer <personal API token>` (account page) or the session cookie (then
// same-site only). 201 { id, status: "queued", placeInLine: { ahead, estimateSeconds }, url };
// 400 not JSON; 401 no or bad credentials; 404 unknown exercise; 422 { message, fieldErrors };
// 429 { message, retryAfterSeconds } with Retry-After (per-user limits); 503 with Retry-After while
// the database is unreachable (nothing was stored: send again).
export async function POST(request: Request): Promise<Response> {
  try {
    const who = await requestUser(request);
    if (!who) return json({ code: "unauthenticated", message: "Log in, or send Authorization: Bearer <token>." }, 401);
    if (who.via === "session" && isCrossSite(request)) {
      return json({ code: "forbidden", message: "Submissions can only be sent from this site." }, 403);
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(
        { code: "validation-failed", message: "Send a JSON object: { slug, code, kind? }.", fieldErrors: {} },
        400,
      );
    }
    const { id } = await submitSolution(who.user.id, body);
    const line = await placeInLine(id).catch(() => null);
    return json({ id, status: "queued", placeInLine: line, url: `/api/submissions/${id}` }, 201);
  } catch (error) {
    return apiFailure(error);
  }
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
