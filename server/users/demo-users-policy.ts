import { isIP } from "node:net";
import type { Env } from "../env";

// The demo student and instructor have passwords printed in the README: anyone who reads it can
// log in as an instructor. They exist only on a server nobody else can reach.

export type DemoUsersDecision =
  | { action: "create"; reason: string }
  | { action: "remove"; reason: string }
  | { action: "refuse"; reason: string };

/** Loopback only: 127.0.0.0/8, ::1, ::ffff:127.x and "localhost". 0.0.0.0 and :: are every interface. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  if (isIP(bare) === 6) return bare === "::1" || /^::ffff:127\./.test(bare);
  return false;
}

export function decideDemoUsers(env: Pick<Env, "DEMO_USERS" | "HOST" | "SESSION_COOKIE_SECURE">): DemoUsersDecision {
  const local = isLoopbackHost(env.HOST) && !env.SESSION_COOKIE_SECURE;
  const exposure = !isLoopbackHost(env.HOST)
    ? `the server listens on ${env.HOST}, beyond loopback`
    : "the session cookie is Secure (SESSION_COOKIE_SECURE=true), so the server is meant for HTTPS";
  if (env.DEMO_USERS === "false") return { action: "remove", reason: "DEMO_USERS=false" };
  if (env.DEMO_USERS === "true") {
    if (local) return { action: "create", reason: "DEMO_USERS=true on a local server" };
    return {
      action: "refuse",
      reason:
        `DEMO_USERS=true but ${exposure}: the demo accounts have published passwords. ` +
        "Unset DEMO_USERS (or set it to false) and create real accounts with `npm run account:create`.",
    };
  }
  if (local) return { action: "create", reason: "local server (HOST on loopback, cookie not Secure)" };
  return { action: "remove", reason: `${exposure}; demo accounts are for local use only` };
}
