import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser, type SessionUser } from "./find-session-user";
import { hasRole, type Role } from "./roles";
import { safeReturnPath } from "./safe-return-path";
import { readSessionToken } from "./session-cookie";

// The one place that decides who may see what. Pages and server actions call these; nothing
// else reads the session cookie or compares roles.

/** The logged-in user, or null. Memoized per request, so the header and the page share one query. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await readSessionToken();
  return token ? findSessionUser(token) : null;
});

/** The logged-in user; anyone else is sent to /login and brought back to `returnTo` afterwards. */
export async function requireUser(returnTo = "/"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return user;
}

/** A user holding `role` or a more privileged one; other logged-in users get a 403 page. */
export async function requireRole(role: Role, returnTo = "/"): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
