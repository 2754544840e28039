import { clientAddress } from "@/server/auth/client-address";
import { safeReturnPath } from "@/server/auth/safe-return-path";
import { startSession } from "@/server/auth/start-session";
import { logIn } from "@/server/users/log-in";
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

// POST /api/auth/login — email, password, next (form or JSON). 200 { redirectTo } with a new
// session cookie; 401 wrong email or password; 422 a field is missing; 429 with Retry-After after
// too many wrong passwords for the account or from the address (the 11th in a minute).
export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) return crossSite();
  const fields = await readFields(request, ["email", "password", "next"]);
  if (!fields) return badRequest();
  const next = safeReturnPath(fields.next);
  try {
    const user = await logIn(
      { email: fields.email, password: fields.password },
      { ip: clientAddress(request.headers) },
    );
    await startSession(user.id);
  } catch (error) {
    return wantsJson(request) ? failureResponse(error) : formFailureResponse(error, "/login", next, fields.email);
  }
  return wantsJson(request) ? jsonResponse({ redirectTo: next }, 200) : redirectTo(next);
}
