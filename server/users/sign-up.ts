import "server-only";
import { getAuthThrottle, type AuthThrottle } from "../auth/auth-throttle";
import { getDb, type Db } from "../db";
import { createUser, type CreatedUser } from "./create-user";
import { busyAsAppError, rateLimited } from "./log-in";

export type SignUpOptions = { ip: string; db?: Db; throttle?: AuthThrottle };

/** Sign up as a student, throttled per address and per email (AppError "rate-limited"). */
export async function signUp(
  input: { email?: unknown; displayName?: unknown; password?: unknown },
  { ip, db = getDb(), throttle = getAuthThrottle() }: SignUpOptions,
): Promise<CreatedUser> {
  const verdict = await throttle.attemptSignup(ip, input.email);
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds, "sign-up attempts");
  try {
    return await createUser(input, { db });
  } catch (error) {
    throw busyAsAppError(error);
  }
}
