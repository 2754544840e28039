import { clientAddress } from "@/server/auth/client-address";
import { safeReturnPath } from "@/server/auth/safe-return-path";
import { startSession } from "@/server/auth/start-session";
import { signUp } from "@/server/users/sign-up";
import {
  badRequest,
  crossSite,
  failureResponse,
  formFailureResponse,
  isCrossSite,
  jsonResponse,
  readFields,
  redirectTo,
  wantsJson,
} from "../../../_lib/auth-responses";

// POST /api/auth/signup — email, displayName, password, next (form or JSON). 201 { redirectTo }
// with a session cookie; 422 naming each bad field; 409 the email has an account; 429 with
// Retry-After after too many sign-ups from the address or for the email.
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return crossSite();
  const fields = await readFields(request, ["email", "displayName", "password", "next"]);
  if (!fields) return badRequest();
  const next = safeReturnPath(fields.next);
  try {
    const user = await signUp(
      { email: fields.email, displayName: fields.displayName, password: fields.password },
      { ip: clientAddress(request.headers) },
    );
    await startSession(user.id);
  } catch (error) {
    return wantsJson(request) ? failureResponse(error) : formFailureResponse(error, "/signup", next, fields.email);
  }
  return wantsJson(request) ? jsonResponse({ redirectTo: next }, 201) : redirectTo(next);
}
