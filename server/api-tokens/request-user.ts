import { getCurrentUser } from "../auth/guards";
import type { SessionUser } from "../auth/find-session-user";
import { bearerToken, findApiTokenUser } from "./api-tokens";

export type RequestUser = { user: SessionUser; via: "token" | "session" };

/**
 * Who sent an API request: `Authorization: Bearer <personal API token>` (scripts) or the session
 * cookie (the pages). A request that names a bearer token is judged by it alone: a bad token is
 * refused even when a session cookie comes with it.
 */
export async function requestUser(request: Request): Promise<RequestUser | null> {
  const token = bearerToken(request.headers);
  if (token !== null) {
    const user = await findApiTokenUser(token);
    return user ? { user, via: "token" } : null;
  }
  const user = await getCurrentUser();
  return user ? { user, via: "session" } : null;
}
