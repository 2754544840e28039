import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "../auth/password";
import { parseRole } from "../auth/roles";
import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { AuthenticateUserInput } from "./authenticate-user.schema";

/** Log in. Throws AppError "validation-failed" or "invalid-credentials" (never says which part was wrong). */
export async function authenticateUser(input: unknown, db: Db = getDb()): Promise<SessionUser> {
  const { email, password } = parseInput(AuthenticateUserInput, input);
  const user = await db.user.findUnique({ where: { email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  if (!user || !matches) {
    throw new AppError("invalid-credentials", "That email and password do not match an account.");
  }
  return { id: user.id, email: user.email, displayName: user.displayName, role: parseRole(user.role) };
}
