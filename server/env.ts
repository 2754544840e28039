import { mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The embedded default: one SQLite file under data/ (git-ignored). Relative `file:` paths are
// resolved against the working directory, which npm scripts set to the project root, so the
// Prisma CLI, the seed, the sync and the Next.js server all open the same file.
// A `postgres://` (or `postgresql://`) URL selects PostgreSQL: the app, the workers and the
// queue (pg-boss) then all run on it (issue 17; README "PostgreSQL").
export const DEFAULT_DATABASE_URL = "file:./data/interleave.db";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)/,
      "must be a SQLite URL such as file:./data/interleave.db or a PostgreSQL URL such as postgres://user:password@host:5432/db",
    )
    .default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Browsers drop Secure cookies on plain http, and the embedded default serves plain http on
  // 127.0.0.1; set this to "true" behind a TLS-terminating proxy.
  SESSION_COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  // The seed's demo student and instructor have published passwords. "auto" (the default):
  // only when the server is local (HOST on loopback, cookie not Secure); "true" insists (and
  // `npm start` refuses to serve beyond loopback or behind HTTPS with it); "false" removes them.
  // See server/users/demo-users-policy.ts.
  DEMO_USERS: z.enum(["auto", "true", "false"]).default("auto"),
  // The address `npm start` listens on. Anything but loopback means other machines can reach it.
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  // A session unused this long ends (besides the absolute 30 days of server/auth/session-token.ts).
  SESSION_IDLE_MINUTES: integer(5, 43_200).default(7 * 24 * 60),
  // Where the log-in and sign-up rate limiter counts: "memory" (one web process, the default) or
  // "database" (the RateLimiterFlexible table: several web processes sharing one database).
  RATE_LIMIT_STORE: z.enum(["memory", "database"]).default("memory"),
  // The folder of exercise packages: synced into the database, and read by the grading worker.
  EXERCISES_DIR: z.string().trim().min(1).default("exercises"),
  // Grading worker processes `npm start` runs beside the web server (0: run them yourself, e.g.
  // `npm run worker` on another machine of a PostgreSQL deployment later).
  GRADING_WORKERS: integer(0, 16).default(1),
  // Sandbox processes per grading worker: the checks of one submission run in parallel on them.
  GRADING_POOL_SIZE: integer(1, 16).default(2),
  // A claimed job is another worker's to take once its worker stops renewing the lease this long.
  GRADING_LEASE_SECONDS: integer(5, 3_600).default(30),
  // How often an idle worker looks for a job (the queue is a table: it is polled).
  GRADING_POLL_MS: integer(20, 60_000).default(100),
  // Real time one submission may take to grade, all checks together (issue 9): what is left
  // when it runs out is reported as `timeout` with what was explored.
  GRADING_DEADLINE_SECONDS: integer(5, 3_600).default(60),
  // PostgreSQL only: how often the workers' pg-boss looks for jobs whose worker went silent (a
  // killed worker's job is graded again within GRADING_LEASE_SECONDS + this).
  GRADING_MAINTENANCE_SECONDS: integer(1, 600).default(5),
  // Per-user limits on grading, checked in the transaction that stores a submission (issue 17):
  // at most this many of one user's submissions queued or running at once, per lane (submit,
  // run) ...
  GRADING_MAX_PENDING_PER_USER: integer(1, 1_000).default(5),
  // ... and at most this many submissions in any hour (both lanes together).
  GRADING_MAX_PER_HOUR: integer(1, 100_000).default(120),
});

/** A whole number from an environment string, within bounds. */
function integer(min: number, max: number) {
  return z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

export type DatabaseKind = "sqlite" | "postgres";

export type Env = z.infer<typeof EnvSchema> & {
  databaseKind: DatabaseKind;
  /** Absolute path of the SQLite file named by DATABASE_URL; null on PostgreSQL. */
  databaseFile: string | null;
};

export function parseEnv(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): Env {
  const parsed = EnvSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    NODE_ENV: source.NODE_ENV || undefined,
    SESSION_COOKIE_SECURE: source.SESSION_COOKIE_SECURE || undefined,
    DEMO_USERS: source.DEMO_USERS || undefined,
    HOST: source.HOST || undefined,
    SESSION_IDLE_MINUTES: source.SESSION_IDLE_MINUTES || undefined,
    RATE_LIMIT_STORE: source.RATE_LIMIT_STORE || undefined,
    EXERCISES_DIR: source.EXERCISES_DIR || undefined,
    GRADING_WORKERS: source.GRADING_WORKERS || undefined,
    GRADING_POOL_SIZE: source.GRADING_POOL_SIZE || undefined,
    GRADING_LEASE_SECONDS: source.GRADING_LEASE_SECONDS || undefined,
    GRADING_POLL_MS: source.GRADING_POLL_MS || undefined,
    GRADING_DEADLINE_SECONDS: source.GRADING_DEADLINE_SECONDS || undefined,
    GRADING_MAINTENANCE_SECONDS: source.GRADING_MAINTENANCE_SECONDS || undefined,
    GRADING_MAX_PENDING_PER_USER: source.GRADING_MAX_PENDING_PER_USER || undefined,
    GRADING_MAX_PER_HOUR: source.GRADING_MAX_PER_HOUR || undefined,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${fields.join("\n  ")}`);
  }
  const databaseKind = databaseKindOf(parsed.data.DATABASE_URL);
  return {
    ...parsed.data,
    databaseKind,
    databaseFile: databaseKind === "sqlite" ? databaseFileFromUrl(parsed.data.DATABASE_URL, cwd) : null,
  };
}

export function databaseKindOf(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** The SQLite file, for the code paths that exist only on the embedded default (the CLI config). */
export function requireSqliteFile(env: Env): string {
  if (env.databaseFile === null) throw new Error("This needs the SQLite database (DATABASE_URL=file:...).");
  return env.databaseFile;
}

export function databaseFileFromUrl(url: string, cwd = process.cwd()): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(cwd, file);
}

/** `file:<absolute path>`: the form handed to the Prisma CLI so it never re-resolves it. */
export function absoluteDatabaseUrl(env: Env): string {
  return env.databaseFile === null ? env.DATABASE_URL : `file:${env.databaseFile}`;
}

/** better-sqlite3 creates the file but not its folder. */
export function ensureDatabaseFolder(env: Env): void {
  if (env.databaseFile !== null) mkdirSync(path.dirname(env.databaseFile), { recursive: true });
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
