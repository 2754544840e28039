import "server-only";
import { getAuthThrottle, type AuthThrottle } from "../auth/auth-throttle";
import { PasswordCheckBusy } from "../auth/hash-gate";
import type { SessionUser } from "../auth/find-session-user";
import { getDb, type Db } from "../db";
import { AppError, isAppError } from "../errors";
import { authenticateUser } from "./authenticate-user";

export type LogInOptions = { ip: string; db?: Db; throttle?: AuthThrottle };

/**
 * Log in, throttled: a locked-out address or account is refused before any password is checked
 * (AppError "rate-limited" with retryAfterSeconds); a wrong password counts against both.
 */
export async function logIn(
  input: { email?: unknown; password?: unknown },
  { ip, db = getDb(), throttle = getAuthThrottle() }: LogInOptions,
): Promise<SessionUser> {
  const verdict = await throttle.checkLogin(ip, input.email);
  if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds, "log-in attempts");
  try {
    const user = await authenticateUser(input, db);
    await throttle.recordLoginSuccess(input.email);
    return user;
  } catch (error) {
    if (isAppError(error) && error.code === "invalid-credentials") await throttle.recordLoginFailure(ip, input.email);
    throw busyAsAppError(error);
  }
}

/** Too many password checks in line (server/auth/hash-gate.ts): a 429 that says so, not a 500. */
export function busyAsAppError(error: unknown): unknown {
  if (!(error instanceof PasswordCheckBusy)) return error;
  return new AppError("rate-limited", "The server is busy checking passwords. Try again in a few seconds.", {}, 3);
}

export function rateLimited(retryAfterSeconds: number, what: string): AppError {
  return new AppError(
    "rate-limited",
    `Too many ${what}. Try again in ${describeWait(retryAfterSeconds)}.`,
    {},
    retryAfterSeconds,
  );
}

function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
