// `npm run bench:login` (issue 13): do pages stay responsive while log-ins flood the server?
// Starts the production server (scripts/start.mjs, no grading workers) on a throwaway database
// and a free port on 127.0.0.1, measures GET / (the catalogue) alone, then again while FLOOD_CLIENTS
// loops post log-ins for FLOOD_SECONDS (half right passwords, half wrong ones for unknown
// emails, each "client" with its own X-Forwarded-For so the per-address limit does not end the
// flood early: every attempt costs a real Argon2id verification). Then, in this process, what
// one verification costs the event loop: Argon2id (thread pool) against bcryptjs cost 12 (the
// hash it replaced). Loopback only; bounded in time; stops the server by itself.
// Last line: one JSON object with every figure.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { hashPassword, verifyPassword } from "../server/auth/password";

const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 10);
const FLOOD_CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 16);
const QUIET_SECONDS = 4;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(run: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await run();
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/** GET / (the catalogue, read from the database) one after another until `until`. */
async function probePages(base: string, until: number): Promise<number[]> {
  const latencies: number[] = [];
  while (Date.now() < until) {
    latencies.push((await timed(() => fetch(`${base}/`))).ms);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return latencies;
}

async function floodLogins(base: string, client: number, until: number) {
  const results: { ms: number; status: number }[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const right = i % 2 === 0;
    const body = right
      ? { email: "student@interleave.dev", password: "interleave-student" }
      : { email: `nobody-${client}-${i}@example.com`, password: "a wrong guess" };
    results.push(
      await timed(() =>
        fetch(`${base}/api/auth/login`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Accept: "application/json",
            "X-Forwarded-For": `198.51.100.${client}`,
          },
          body: JSON.stringify(body),
        }),
      ),
    );
  }
  return results;
}

/** How long the event loop is held up while `count` verifications run at once. */
async function eventLoopCost(label: string, count: number, verify: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, verify));
  const wallMs = performance.now() - started;
  histogram.disable();
  return { label, verifications: count, wallMs: Math.round(wallMs), maxLoopDelayMs: Math.round(histogram.max / 1e6) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "interleave-login-flood-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
      NODE_ENV: "production",
      GRADING_WORKERS: "0",
      DEMO_USERS: "true",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  const hardStop = setTimeout(() => {
    console.error("login-flood: over 10 minutes, giving up");
    stop();
    process.exit(1);
  }, 10 * 60_000);
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => {
        if (/Ready in/.test(chunk.toString())) resolve();
      });
      server.once("exit", (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
    });
    await fetch(`${base}/login`); // warm up

    const quiet = await probePages(base, Date.now() + QUIET_SECONDS * 1000);
    const until = Date.now() + FLOOD_SECONDS * 1000;
    const [underFlood, ...clients] = await Promise.all([
      probePages(base, until),
      ...Array.from({ length: FLOOD_CLIENTS }, (_, client) => floodLogins(base, client, until)),
    ]);
    const logins = (clients as { ms: number; status: number }[][]).flat();
    const statuses: Record<string, number> = {};
    for (const { status } of logins) statuses[status] = (statuses[status] ?? 0) + 1;

    const argonHash = await hashPassword("bench password");
    const bcryptHash = await bcrypt.hash("bench password", 12);
    const argon = await eventLoopCost("argon2id (@node-rs/argon2, thread pool)", 16, () =>
      verifyPassword("bench password", argonHash),
    );
    const bcryptjs = await eventLoopCost("bcryptjs cost 12 (before)", 16, () =>
      bcrypt.compare("bench password", bcryptHash),
    );

    const figures = {
      floodClients: FLOOD_CLIENTS,
      floodSeconds: FLOOD_SECONDS,
      logins: logins.length,
      loginsPerSecond: Math.round(logins.length / FLOOD_SECONDS),
      loginStatuses: statuses,
      loginP95Ms: Math.round(
        percentile(
          logins.map((l) => l.ms),
          95,
        ),
      ),
      pageQuietP50Ms: Math.round(percentile(quiet, 50)),
      pageQuietP95Ms: Math.round(percentile(quiet, 95)),
      pageFloodP50Ms: Math.round(percentile(underFlood as number[], 50)),
      pageFloodP95Ms: Math.round(percentile(underFlood as number[], 95)),
      pageRequests: { quiet: quiet.length, flood: (underFlood as number[]).length },
      eventLoop: [argon, bcryptjs],
    };
    console.log(
      [
        `GET / alone: p50 ${figures.pageQuietP50Ms} ms, p95 ${figures.pageQuietP95Ms} ms (${quiet.length} requests)`,
        `GET / while ${FLOOD_CLIENTS} clients flood log-ins for ${FLOOD_SECONDS} s: p50 ${figures.pageFloodP50Ms} ms, p95 ${figures.pageFloodP95Ms} ms`,
        `log-ins: ${logins.length} (${figures.loginsPerSecond}/s), p95 ${figures.loginP95Ms} ms, statuses ${JSON.stringify(statuses)}`,
        ...[argon, bcryptjs].map(
          (e) =>
            `${e.label}: ${e.verifications} verifications in ${e.wallMs} ms, event loop held up to ${e.maxLoopDelayMs} ms`,
        ),
      ].join("\n"),
    );
    console.log(JSON.stringify(figures));
  } finally {
    clearTimeout(hardStop);
    stop();
    await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
