import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (never a downloaded browser) against a production
// server started exactly as `npm start` starts it (scripts/start.mjs: migrate, sync, seed,
// build if stale, next start) on a throwaway SQLite file and a free port on 127.0.0.1.
//
// This file is evaluated by the runner and again by every worker; the values below are put in
// process.env on the first evaluation so the workers (which inherit it) agree on them.
process.env.E2E_DIR ??= mkdtempSync(path.join(tmpdir(), "interleave-e2e-"));
process.env.E2E_PORT ??= freePort();

// E2E_BASE_URL points the tests at a server you already run (no server is started then).
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `${baseURL}/login`,
        // The first run on a fresh clone includes `next build`.
        timeout: 15 * 60_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
        env: {
          HOST: "127.0.0.1",
          PORT: process.env.E2E_PORT,
          DATABASE_URL: `file:${path.join(process.env.E2E_DIR, "e2e.db")}`,
          NODE_ENV: "production",
          DEMO_USERS: "true",
        },
      },
});

/** Ask the OS for a free port (synchronously: the config cannot await). */
function freePort(): string {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}
