#!/usr/bin/env node
// `npm start`: from a fresh clone to a served app with no other step.
//   1. prisma generate   (only if the generated client does not match prisma/schema.prisma)
//   2. next build         (only if .next is missing or older than the sources; see lib/build-stamp.mjs)
//   3. prisma migrate deploy
//   4. sync exercises/ into the database, seed the demo accounts (both idempotent; the seed
//      prints the demo credentials last, just above the server's address)
//   5. next start -H 127.0.0.1 -p $PORT   (`--dev`: next dev instead, no build)
// Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (file:./data/interleave.db),
// EXERCISES_DIR (exercises), DEMO_USERS (true). `--prepare-only` stops before serving.
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
const port = process.env.PORT || "3000";
const exercisesDir = process.env.EXERCISES_DIR || "exercises";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

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

function generatedClientIsCurrent() {
  const generated = path.join(root, "node_modules", ".prisma", "client", "schema.prisma");
  return existsSync(generated) && readFileSync(generated, "utf8") === readFileSync("prisma/schema.prisma", "utf8");
}

if (!existsSync(bin("next")) || !existsSync(bin("prisma"))) {
  console.error("Dependencies are missing: run `npm ci` first (see README.md).");
  process.exit(1);
}

if (!generatedClientIsCurrent()) run("prisma generate", bin("prisma"), ["generate"], { quiet: true });
if (!dev) {
  const reason = staleBuildReason(root);
  if (reason) {
    run(`next build (${reason})`, bin("next"), ["build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
    writeBuildStamp(root);
  } else {
    console.log("\n▸ next build: .next is up to date, skipped");
  }
}

run("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"], { quiet: true });
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

console.log(`\n▸ Interleave on http://${host}:${port}  (Ctrl+C to stop)\n`);
const server = spawn(bin("next"), [dev ? "dev" : "start", "-H", host, "-p", port], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
