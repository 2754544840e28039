import "server-only";
import { getAuthThrottle, type AuthThrottle } from "../auth/auth-throttle";
import { checkPassword, hashPassword } from "../auth/password";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { ChangePasswordInput } from "./change-password.schema";
import { busyAsAppError, rateLimited } from "./log-in";

export type ChangePasswordOptions = { ip: string; db?: Db; throttle?: AuthThrottle };

/**
 * Change the password of a logged-in user, who proves it with the current one (throttled like a
 * log-in: a stolen session must not become a password oracle). Every session of the user ends —
 * whoever else was logged in is out; the caller starts a new session for this browser.
 * Throws AppError "validation-failed", "invalid-credentials" (on the field) or "rate-limited".
 */
export async function changePassword(
  userId: string,
  input: unknown,
  { ip, db = getDb(), throttle = getAuthThrottle() }: ChangePasswordOptions,
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(ChangePasswordInput, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("unauthenticated", "Log in again to change your password.");
  const verdict = await throttle.checkLogin(ip, user.email);
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds, "wrong passwords");
  const current = await checkPassword(currentPassword, user.passwordHash).catch((error: unknown) => {
    throw busyAsAppError(error);
  });
  if (!current.matches) {
    await throttle.recordLoginFailure(ip, user.email);
    throw new AppError("invalid-credentials", "Please correct the highlighted fields.", {
      currentPassword: ["That is not your current password."],
    });
  }
  const passwordHash = await hashPassword(newPassword).catch((error: unknown) => {
    throw busyAsAppError(error);
  });
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId } }),
  ]);
}
