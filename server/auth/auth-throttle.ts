import "server-only";
import {
  RateLimiterMemory,
  RateLimiterPrisma,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getDb, type Db } from "../db";
import { getEnv } from "../env";

// Log-in and sign-up throttling with rate-limiter-flexible: per client address and per account,
// each with back-off (every lock-out within a day doubles the next one, up to a cap). The
// counters live in memory (one web process) or in the database's RateLimiterFlexible table
// (RATE_LIMIT_STORE=database: several web processes sharing one database).

/** How many, over how long, and the first and longest lock-out (seconds). */
export type ThrottleRule = { points: number; durationSec: number; blockSec: number; maxBlockSec: number };

export type ThrottleRules = {
  /** Wrong passwords for one account, from anywhere: the 11th in a minute is refused. */
  loginFailuresPerAccount: ThrottleRule;
  /** Wrong passwords from one address, whatever the account (a classroom may share one NAT address). */
  loginFailuresPerIp: ThrottleRule;
  /** Sign-up attempts from one address. */
  signupsPerIp: ThrottleRule;
  /** Sign-up attempts for one email address (probing which addresses have accounts). */
  signupsPerEmail: ThrottleRule;
};

export const DEFAULT_THROTTLE_RULES: ThrottleRules = {
  loginFailuresPerAccount: { points: 10, durationSec: 60, blockSec: 60, maxBlockSec: 60 * 60 },
  loginFailuresPerIp: { points: 100, durationSec: 10 * 60, blockSec: 5 * 60, maxBlockSec: 60 * 60 },
  signupsPerIp: { points: 30, durationSec: 10 * 60, blockSec: 10 * 60, maxBlockSec: 60 * 60 },
  signupsPerEmail: { points: 5, durationSec: 10 * 60, blockSec: 10 * 60, maxBlockSec: 60 * 60 },
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Store = { kind: "memory" } | { kind: "database"; db: Db };

/** One rule's counter and its lock-out counter (for the back-off). */
class BackoffLimiter {
  readonly #rule: ThrottleRule;
  readonly #attempts: RateLimiterAbstract;
  readonly #lockouts: RateLimiterAbstract;

  constructor(name: string, rule: ThrottleRule, store: Store) {
    this.#rule = rule;
    this.#attempts = limiter(store, { keyPrefix: `${name}`, points: rule.points, duration: rule.durationSec });
    this.#lockouts = limiter(store, { keyPrefix: `${name}-lockouts`, points: 1_000, duration: 24 * 60 * 60 });
  }

  /** Locked out now? Then for how long. */
  async check(key: string): Promise<ThrottleVerdict> {
    const state = await this.#attempts.get(key);
    if (state && state.consumedPoints > this.#rule.points) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
    }
    return { allowed: true };
  }

  /** Count one attempt; the one that uses the last point locks the key out, longer each time. */
  async count(key: string): Promise<void> {
    const state = await this.#attempts.penalty(key, 1);
    if (state.consumedPoints < this.#rule.points) return;
    const lockouts = (await this.#lockouts.penalty(key, 1)).consumedPoints;
    const seconds = Math.min(this.#rule.maxBlockSec, this.#rule.blockSec * 2 ** (lockouts - 1));
    await this.#attempts.block(key, seconds);
  }

  async forget(key: string): Promise<void> {
    await this.#attempts.delete(key);
  }
}

function limiter(store: Store, options: IRateLimiterOptions): RateLimiterAbstract {
  if (store.kind === "memory") return new RateLimiterMemory(options);
  // The Prisma client names its model accessors in camelCase.
  return new RateLimiterPrisma({ ...options, storeClient: store.db, tableName: "rateLimiterFlexible" });
}

function mostRestrictive(verdicts: ThrottleVerdict[]): ThrottleVerdict {
  let wait = 0;
  for (const verdict of verdicts) if (!verdict.allowed) wait = Math.max(wait, verdict.retryAfterSeconds);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/** Emails are keys as typed (trimmed, lower-cased, bounded): an invalid one is throttled too. */
function accountKey(email: unknown): string {
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
}

export class AuthThrottle {
  readonly #loginAccount: BackoffLimiter;
  readonly #loginIp: BackoffLimiter;
  readonly #signupIp: BackoffLimiter;
  readonly #signupEmail: BackoffLimiter;

  constructor(store: Store = { kind: "memory" }, rules: ThrottleRules = DEFAULT_THROTTLE_RULES) {
    this.#loginAccount = new BackoffLimiter("login-account", rules.loginFailuresPerAccount, store);
    this.#loginIp = new BackoffLimiter("login-ip", rules.loginFailuresPerIp, store);
    this.#signupIp = new BackoffLimiter("signup-ip", rules.signupsPerIp, store);
    this.#signupEmail = new BackoffLimiter("signup-email", rules.signupsPerEmail, store);
  }

  /** Before checking a password: may this address try this account now? */
  async checkLogin(ip: string, email: unknown): Promise<ThrottleVerdict> {
    return mostRestrictive([await this.#loginIp.check(ip), await this.#loginAccount.check(accountKey(email))]);
  }

  async recordLoginFailure(ip: string, email: unknown): Promise<void> {
    await this.#loginIp.count(ip);
    await this.#loginAccount.count(accountKey(email));
  }

  /** The right password clears the account's count (not the address's: one account proves little). */
  async recordLoginSuccess(email: unknown): Promise<void> {
    await this.#loginAccount.forget(accountKey(email));
  }

  /** Every sign-up attempt counts, successful or not; it returns whether this one may go on. */
  async attemptSignup(ip: string, email: unknown): Promise<ThrottleVerdict> {
    const verdict = mostRestrictive([await this.#signupIp.check(ip), await this.#signupEmail.check(accountKey(email))]);
    if (!verdict.allowed) return verdict;
    await this.#signupIp.count(ip);
    await this.#signupEmail.count(accountKey(email));
    return verdict;
  }
}

// One throttle per process, kept on globalThis: Next.js may load this module in several bundles
// (route handlers, server actions), and in-memory counters must be shared by all of them.
const holder = globalThis as typeof globalThis & { interleaveAuthThrottle?: AuthThrottle };

export function getAuthThrottle(): AuthThrottle {
  holder.interleaveAuthThrottle ??= new AuthThrottle(
    getEnv().RATE_LIMIT_STORE === "database" ? { kind: "database", db: getDb() } : { kind: "memory" },
  );
  return holder.interleaveAuthThrottle;
}
