import "server-only";
import { checkPassword, hashPassword, UNUSABLE_PASSWORD_HASH } from "../auth/password";
import { parseRole } from "../auth/roles";
import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { AuthenticateUserInput } from "./authenticate-user.schema";

/**
 * Check an email and password. Throws AppError "validation-failed" or "invalid-credentials"
 * (never says which part was wrong). A hash from before Argon2id (bcrypt) is replaced by an
 * Argon2id one now that we hold the password.
 */
export async function authenticateUser(input: unknown, db: Db = getDb()): Promise<SessionUser> {
  const { email, password } = parseInput(AuthenticateUserInput, input);
  const user = await db.user.findUnique({ where: { email } });
  const { matches, needsRehash } = await checkPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !matches) {
    throw new AppError("invalid-credentials", "That email and password do not match an account.");
  }
  if (needsRehash) {
    // Only if the hash is still the one we checked: a password changed meanwhile wins.
    await db.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: await hashPassword(password) },
    });
  }
  return { id: user.id, email: user.email, displayName: user.displayName, role: parseRole(user.role) };
}
