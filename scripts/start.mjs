#!/usr/bin/env node
// `npm start`: from a fresh clone to a served app with no other step.
//   1. prisma generate   (only if the generated client does not match prisma/schema.prisma)
//   2. next build         (only if .next is missing or older than the sources; see lib/build-stamp.mjs)
//   3. prisma migrate deploy
//   4. sync exercises/ into the database, then the seed (both idempotent): the demo accounts on
//      a local server only (server/users/demo-users-policy.ts; the seed prints their credentials
//      last, just above the server's address), removed otherwise; expired sessions swept
//   5. next start -H 127.0.0.1 -p $PORT   (`--dev`: next dev instead, no build)
//      and beside it GRADING_WORKERS grading worker processes (scripts/worker.ts),
//      each restarted if it dies; all of them are stopped when this process is.
// Sandboxes: each worker's sandbox processes run with an empty environment; when this runs as
// root they drop to uid 65534 with no network, otherwise they keep this user and the worker
// logs one line saying so (grader/workers/isolation.ts, docs/grader.md).
// PostgreSQL (issue 17): DATABASE_URL=postgres://user:password@host:5432/db npm start — the same
// steps, with the PostgreSQL client (prisma/postgres/) and its migrations (prisma/postgres/migrate.ts)
// instead of SQLite's; the queue is then pg-boss. Workers on other machines: `npm run worker` with
// the same DATABASE_URL (and GRADING_WORKERS=0 here if this machine should only serve pages).
// Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (file:./data/interleave.db),
// EXERCISES_DIR (exercises), DEMO_USERS (auto: only on loopback without a Secure cookie; "true"
// beyond loopback or with SESSION_COOKIE_SECURE=true refuses to start), GRADING_WORKERS (1) and
// the other variables of server/env.ts. `--prepare-only` stops before serving.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { staleBuildReason, writeBuildStamp } from "./lib/build-stamp.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const dev = process.argv.includes("--dev");
const prepareOnly = process.argv.includes("--prepare-only");
const host = process.env.HOST || "127.0.0.1";
// The seed decides about demo accounts from HOST: it must see the address actually served.
process.env.HOST = host;
const port = process.env.PORT || "3000";
const exercisesDir = process.env.EXERCISES_DIR || "exercises";
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || "");

function run(label, command, args, { env = {}, quiet = false } = {}) {
  const started = Date.now();
  console.log(`\n▸ ${label}`);
  const result = spawnSync(command, args, {
    stdio: quiet ? ["inherit", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (quiet) process.stdout.write(withoutPrismaAdapterWarning(`${result.stdout ?? ""}${result.stderr ?? ""}`));
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (${result.error?.message ?? `exit code ${result.status}`}).`);
    process.exit(result.status || 1);
  }
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

// Prisma 6 warns on every command that schema.prisma's `url` is unused with a driver adapter,
// but removing the `url` makes it download an engine (see prisma.config.ts): drop the warning.
function withoutPrismaAdapterWarning(output) {
  return output.replace(/WARNING: Your schema specifies[\s\S]*?only using driver adapters\.\n*/, "");
}

function generatedClientIsCurrent(client = "client", schema = "prisma/schema.prisma") {
  const generated = path.join(root, "node_modules", ".prisma", client, "schema.prisma");
  return existsSync(generated) && readFileSync(generated, "utf8") === readFileSync(schema, "utf8");
}

if (!existsSync(bin("next")) || !existsSync(bin("prisma"))) {
  console.error("Dependencies are missing: run `npm ci` first (see README.md).");
  process.exit(1);
}

if (!generatedClientIsCurrent()) run("prisma generate", bin("prisma"), ["generate"], { quiet: true });
if (postgres && !generatedClientIsCurrent("client-pg", "prisma/postgres/schema.prisma")) {
  run("prisma generate (PostgreSQL)", bin("prisma"), ["generate", "--schema", "prisma/postgres/schema.prisma"], {
    quiet: true,
  });
}
// Before the long steps: demo accounts (published passwords) on a server others can reach stop here.
run("check demo accounts", process.execPath, ["--import", "tsx", "prisma/seed.ts", "--check"], { quiet: true });
if (!dev) {
  const reason = staleBuildReason(root);
  if (reason) {
    run(`next build (${reason})`, bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
    writeBuildStamp(root);
  } else {
    console.log("\n▸ next build: .next is up to date, skipped");
  }
}

if (postgres) run("PostgreSQL migrations", process.execPath, ["--import", "tsx", "prisma/postgres/migrate.ts"]);
else run("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"], { quiet: true });
// --no-node-snapshot: the grader's isolated-vm 5 needs it on Node 20 (see package.json).
run(`sync ${exercisesDir}/`, process.execPath, [
  "--no-node-snapshot",
  "--import",
  "tsx",
  "scripts/sync-exercises.ts",
  exercisesDir,
]);
run("seed", process.execPath, ["--import", "tsx", "prisma/seed.ts"]);

if (prepareOnly) process.exit(0);

// The sync above parsed the whole environment with zod (server/env.ts), so GRADING_WORKERS is
// known to be a whole number in range by now.
const workerCount = Number(process.env.GRADING_WORKERS || "1");

console.log(`\n▸ Interleave on http://${host}:${port}  (Ctrl+C to stop)\n`);
const server = spawn(bin("next"), [dev ? "dev" : "start", "-H", host, "-p", port], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
const workers = Array.from({ length: workerCount }, (_, index) => superviseWorker(index + 1));

let stopping = false;
/** Stop the workers (they finish or put back their job) and the server, then exit. */
async function stopAll(signal, code) {
  if (stopping) return;
  stopping = true;
  const alive = (child) => child && child.exitCode === null && child.signalCode === null;
  const children = [server, ...workers.map((w) => w.current)].filter(alive);
  // Workers stop gracefully on SIGTERM whatever stopped us (SIGHUP would kill them outright).
  for (const child of children) child.kill(child === server ? signal : "SIGTERM");
  const exited = Promise.all(children.map((child) => new Promise((resolve) => child.once("exit", resolve))));
  // The workers give a running job 5 s; past 15 s, whatever is left is killed.
  const timeout = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
  if ((await Promise.race([exited.then(() => "exited"), timeout])) !== "exited") {
    for (const child of children) if (alive(child)) child.kill("SIGKILL");
  }
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => void stopAll(signal, 0));
}
server.on("exit", (code, signal) => {
  if (!stopping) console.error(`\n✗ the web server exited (${signal ?? `exit code ${code}`}): stopping the workers`);
  void stopAll("SIGTERM", code ?? (signal ? 0 : 1));
});

/** One grading worker process, started again (after a growing pause) whenever it dies. */
function superviseWorker(number) {
  const state = { current: null, restarts: 0 };
  const launch = () => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/worker.ts"], {
      stdio: "inherit",
      env: process.env,
    });
    state.current = child;
    // Pages before grading: the worker runs its sandboxes niced (scripts/worker.ts), not itself —
    // it holds the database's write lock for moments, and a niced worker descheduled while it
    // does would stall the web server's writes behind it (SQLite waits synchronously).
    child.on("exit", (code, signal) => {
      if (stopping) return;
      // A worker that ran a minute was healthy: start over at a short pause.
      if (Date.now() - started > 60_000) state.restarts = 0;
      const pause = Math.min(30_000, 500 * 2 ** state.restarts++);
      console.error(
        `\n✗ grading worker ${number} exited (${signal ?? `exit code ${code}`}); restarting in ${pause / 1000}s`,
      );
      setTimeout(() => {
        if (!stopping) launch();
      }, pause);
    });
  };
  launch();
  return state;
}
