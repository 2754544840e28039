// `npm run bench:load [-- --postgres]` (issue 17): grading under a deadline rush.
// Starts the production server (scripts/start.mjs) on a throwaway database and a free port on
// 127.0.0.1 with the default workers (SQLite: GRADING_WORKERS default, 1; --postgres: a fresh
// database on scripts/postgres-local.sh's server and two worker processes), then LOAD_USERS
// simulated users (50) each send LOAD_PER_USER solutions (4) one after another through the HTTP
// API (POST /api/submissions with a personal API token, then GET /api/submissions/<id> every
// second until the verdict): correct, racy and looping solutions mixed, each user starting at a
// random moment of the first LOAD_SPREAD_SECONDS (30), and thinking LOAD_THINK_SECONDS between a
// verdict and the next try (default uniform 15–35 s: the issue's scenario, 500 students × ~2
// tries in the last 10 minutes ≈ 1.7 submissions/s, which 50 users produce when Z + R = 30 s;
// `0` is the saturation test: 0.5–2 s of reading; a number T: uniform 0.6 T–1.4 T). The pauses
// come from a PRNG seeded by LOAD_SEED (1) and the user, so that runs are comparable. Meanwhile a prober times page loads (the
// catalogue and the login page). A 429 is obeyed (Retry-After) and the submission is sent again.
// Bounded: LOAD_MAX_SECONDS (1500) in all, then whatever has no verdict counts as lost. Loopback
// only; stops the server by itself.
// Last line, the fixed contract (DESIGN.md): {"backend","submissions","lost","p50Ms","p95Ms","webP95Ms","drainMs"}.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createApiToken } from "../server/api-tokens/api-tokens";
import { createDbForUrl } from "../server/db";
import { loadSolutions } from "./load-solutions";

const postgres = process.argv.includes("--postgres");
const USERS = Number(process.env.LOAD_USERS ?? 50);
const PER_USER = Number(process.env.LOAD_PER_USER ?? 4);
const SPREAD_SECONDS = Number(process.env.LOAD_SPREAD_SECONDS ?? 30);
const MAX_SECONDS = Number(process.env.LOAD_MAX_SECONDS ?? 1500);
const POLL_MS = Number(process.env.LOAD_POLL_MS ?? 1000);
const SEED = Number(process.env.LOAD_SEED ?? 1);
/** Seconds between a verdict and the next try: [low, high] of a uniform draw. */
const THINK: [number, number] = (() => {
  const raw = process.env.LOAD_THINK_SECONDS;
  if (raw === undefined || raw === "") return [15, 35];
  const t = Number(raw);
  if (!Number.isFinite(t) || t < 0) throw new Error(`LOAD_THINK_SECONDS must be a number ≥ 0, not ${raw}`);
  return t === 0 ? [0.5, 2] : [0.6 * t, 1.4 * t];
})();
const SATURATION = THINK[1] <= 2;

/** mulberry32: a small seeded PRNG, one per user, so the pauses do not depend on timing. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOLUTIONS = loadSolutions(readFileSync("exercises/shared-counter/reference.ts", "utf8"));
const KINDS = ["correct", "correct", "racy", "looping"] as const;

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

/** Answers outside the API's contract (a 500, say): reported on the summary line. */
const unexpected: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgres) {
    const dir = mkdtempSync(path.join(tmpdir(), "interleave-load-"));
    return {
      url: `file:${path.join(dir, "load.db")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin =
    process.env.INTERLEAVE_TEST_POSTGRES_URL ||
    execFileSync("scripts/postgres-local.sh", ["start"], { encoding: "utf8" }).trim();
  const name = `interleave_load_${randomBytes(4).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

type Outcome = {
  latencyMs: number | null;
  verdict: string | null;
  rejected429: number;
  /** When the first POST was sent and when the verdict was seen (performance.now()). */
  sentAt: number;
  verdictAt: number;
  /** The user's try (0: the first). */
  attempt: number;
  /** The pause that followed the verdict (ms; 0 after the user's last try). */
  thinkMs: number;
};

async function simulateUser(base: string, token: string, user: number, deadline: number): Promise<Outcome[]> {
  const random = prng(SEED * 100_003 + user);
  await sleep(random() * SPREAD_SECONDS * 1000);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < PER_USER && Date.now() < deadline; i++) {
    const kind = KINDS[(user + i) % KINDS.length]!;
    let rejected429 = 0;
    let id: string | null = null;
    const sent = performance.now();
    while (id === null && Date.now() < deadline) {
      const response = await fetch(`${base}/api/submissions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ slug: "shared-counter", code: SOLUTIONS[kind] }),
      }).catch((error: Error) => error);
      if (response instanceof Error) {
        unexpected.push(`POST: ${response.message}`);
        await sleep(2_000);
        continue;
      }
      const text = await response.text();
      const body = (response.headers.get("content-type") ?? "").includes("json")
        ? (JSON.parse(text) as { id?: string })
        : {};
      if (response.status === 201 && body.id) id = body.id;
      else if (response.status === 429 || response.status === 503) {
        rejected429++;
        await sleep(Number(response.headers.get("retry-after") ?? 2) * 1000);
      } else {
        // Not part of the API's contract: say so, count it, and send again (nothing was stored).
        unexpected.push(`POST ${response.status}: ${text.slice(0, 200)}`);
        console.error(`load: unexpected answer to POST /api/submissions: ${response.status} ${text.slice(0, 300)}`);
        await sleep(2_000);
      }
    }
    let verdict: string | null = null;
    while (id !== null && verdict === null && Date.now() < deadline) {
      await sleep(POLL_MS);
      const response = await fetch(`${base}/api/submissions/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => null);
      if (response?.status !== 200) {
        if (response && response.status !== 503) unexpected.push(`GET submission ${response.status}`);
        continue;
      }
      const body = (await response.json()) as { status: string; result: { verdict: string } | null };
      if (body.status === "done") verdict = body.result?.verdict ?? "done";
      else if (body.status === "failed") verdict = "failed";
    }
    // Reading the verdict and thinking about the next try.
    const thinkMs = i + 1 < PER_USER ? (THINK[0] + random() * (THINK[1] - THINK[0])) * 1000 : 0;
    outcomes.push({
      latencyMs: verdict !== null ? performance.now() - sent : null,
      verdict,
      rejected429,
      attempt: i,
      sentAt: sent,
      verdictAt: performance.now(),
      thinkMs,
    });
    await sleep(thinkMs);
  }
  return outcomes;
}

async function probePages(base: string, done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  const pages = ["/", "/login"];
  for (let i = 0; !done(); i++) {
    const started = performance.now();
    try {
      const response = await fetch(`${base}${pages[i % pages.length]}`);
      await response.arrayBuffer();
      if (response.status !== 200) unexpected.push(`GET ${pages[i % pages.length]} ${response.status}`);
    } catch (error) {
      unexpected.push(`GET ${pages[i % pages.length]}: ${(error as Error).message}`);
    }
    latencies.push(performance.now() - started);
    await sleep(200);
  }
  return latencies;
}

type Lag = { pid: number; at: number; p50Ms: number; p99Ms: number; maxMs: number };

/** The web server's event-loop lag while the users were at it: the worst second, and the typical one. */
function lagSummary(file: string, from: number, to: number): string {
  const seconds = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Lag)
    .filter((l) => l.at >= from && l.at <= to);
  if (seconds.length === 0) return "event-loop lag: not measured";
  const p99s = seconds.map((l) => l.p99Ms);
  return (
    `web event-loop lag over ${seconds.length} s: per-second p99 median ${percentile(p99s, 50)} ms, ` +
    `p95 ${percentile(p99s, 95)} ms, max ${Math.max(...seconds.map((l) => l.maxMs))} ms`
  );
}

/** Grading times the workers logged ("graded <id>: <verdict> … in <ms> ms"), by verdict. */
function gradingTimes(log: string): string {
  const byVerdict: Record<string, number[]> = {};
  for (const m of log.matchAll(/graded \S+: (\S+) \S+ in (\d+) ms/g)) (byVerdict[m[1]!] ??= []).push(Number(m[2]));
  return Object.entries(byVerdict)
    .map(([verdict, ms]) => `${verdict} ${ms.length}× median ${percentile(ms, 50)} ms`)
    .join(", ");
}

/**
 * The arrivals and the rate the system ran at: the think time (what was asked and the mean of
 * the pauses taken), the offered rate (submissions per second between the first and the last
 * POST) and the throughput X (verdicts per second from the first POST to the last verdict).
 * With N users, Little's law for the closed loop: R = N / X − Z.
 */
function arrivalSummary(outcomes: Outcome[], drainMs: number): string {
  const taken = outcomes.filter((o) => o.thinkMs > 0);
  const meanThink = taken.reduce((n, o) => n + o.thinkMs, 0) / Math.max(1, taken.length) / 1000;
  const sent = outcomes.map((o) => o.sentAt);
  const offeredSpan = (Math.max(...sent) - Math.min(...sent)) / 1000;
  const done = outcomes.filter((o) => o.verdict !== null).length;
  const throughput = done / (drainMs / 1000);
  const latencies = outcomes.flatMap((o) => (o.latencyMs === null ? [] : [o.latencyMs]));
  const meanLatency = latencies.reduce((n, ms) => n + ms, 0) / Math.max(1, latencies.length) / 1000;
  // By try: the first tries arrive together over the spread, the later ones as the loop paces them.
  const byTry = Array.from({ length: PER_USER }, (_, i) => {
    const ms = outcomes.flatMap((o) => (o.attempt === i && o.latencyMs !== null ? [o.latencyMs] : []));
    return `${(percentile(ms, 50) / 1000).toFixed(1)}/${(percentile(ms, 95) / 1000).toFixed(1)}`;
  });
  return (
    `think time ${SATURATION ? "0 (saturation: " : ""}uniform ${THINK[0]}–${THINK[1]} s${SATURATION ? " of reading)" : ""}, ` +
    `seed ${SEED}, mean ${meanThink.toFixed(1)} s; offered rate ${(outcomes.length / offeredSpan).toFixed(2)} submissions/s ` +
    `over ${offeredSpan.toFixed(0)} s; throughput X ${throughput.toFixed(2)} gradings/s; ` +
    `mean latency R ${meanLatency.toFixed(1)} s (N / X − Z = ${(USERS / throughput - meanThink).toFixed(1)} s), ` +
    `p50/p95 s by try ${byTry.join(", ")}`
  );
}

async function main(): Promise<void> {
  const database = await throwawayDatabase();
  const lagFile = path.join(tmpdir(), `interleave-load-lag-${process.pid}.jsonl`);
  writeFileSync(lagFile, "");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    DEMO_USERS: "false",
    // The web server's event-loop lag, one line a second (bench/event-loop-lag.mjs).
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.resolve("bench/event-loop-lag.mjs")}`.trim(),
    LOAD_LAG_FILE: lagFile,
  };
  if (postgres) env.GRADING_WORKERS = "2";
  else delete env.GRADING_WORKERS; // the default
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const serverLog: string[] = [];
  // The server's and the workers' output, for when something goes wrong.
  const logFile = path.join(tmpdir(), `interleave-load-${postgres ? "postgres" : "sqlite"}.log`);
  writeFileSync(logFile, "");
  console.error(`load: server log in ${logFile}`);
  const stop = () => {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, "SIGTERM");
  };
  const hardStop = setTimeout(
    () => {
      console.error("load: over the time bound, giving up");
      stop();
      process.exit(1);
    },
    (MAX_SECONDS + 600) * 1000,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on("data", (chunk: Buffer) => {
        const text = chunk.toString();
        appendFileSync(logFile, text);
        serverLog.push(text);
        if (serverLog.length > 200) serverLog.shift();
        if (/Ready in/.test(text)) resolve();
      });
      server.once("exit", (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
    });
    // The accounts and their tokens, straight into the database the server migrated.
    const db = createDbForUrl(database.url, database.url.startsWith("file:") ? database.url.slice(5) : null);
    const tokens: string[] = [];
    for (let u = 0; u < USERS; u++) {
      const user = await db.user.create({
        data: { email: `load-${u}@example.com`, displayName: `Load ${u}`, passwordHash: "x" },
      });
      tokens.push((await createApiToken(user.id, { name: "load" }, db)).token);
    }
    await db.$disconnect();
    await fetch(`${base}/`); // warm up the page
    // Wait for the workers' sandboxes to be warm (their log line), at most 60 s.
    const warmBy = Date.now() + 60_000;
    while (!serverLog.join("").includes("ready in") && Date.now() < warmBy) await sleep(200);

    const started = performance.now();
    const startedAt = Date.now();
    const loadBefore = loadavg()[0]!;
    const deadline = Date.now() + MAX_SECONDS * 1000;
    let finished = false;
    const prober = probePages(base, () => finished);
    const outcomes = (await Promise.all(tokens.map((token, user) => simulateUser(base, token, user, deadline)))).flat();
    // From the first submission to the last verdict.
    const drainMs = Math.round(Math.max(...outcomes.map((o) => o.verdictAt)) - started);
    finished = true;
    const web = await prober;
    const latencies = outcomes.flatMap((o) => (o.latencyMs === null ? [] : [o.latencyMs]));
    const verdicts: Record<string, number> = {};
    for (const o of outcomes) verdicts[o.verdict ?? "none"] = (verdicts[o.verdict ?? "none"] ?? 0) + 1;
    console.log(
      `backend ${postgres ? "postgres" : "sqlite"}: ${outcomes.length} submissions, verdicts ${JSON.stringify(verdicts)}, ` +
        `${outcomes.reduce((n, o) => n + o.rejected429, 0)} refusals (429/503) obeyed, ${web.length} page loads, ` +
        `${unexpected.length} unexpected answers${unexpected.length ? ` (first: ${unexpected[0]})` : ""}`,
    );
    console.log(
      `${arrivalSummary(outcomes, drainMs)}; ` +
        `machine load (1-min average) ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; ` +
        `${lagSummary(lagFile, startedAt, Date.now())}; worker gradings: ${gradingTimes(readFileSync(logFile, "utf8"))}`,
    );
    console.log(
      JSON.stringify({
        backend: postgres ? "postgres" : "sqlite",
        submissions: outcomes.length,
        lost: outcomes.filter((o) => o.verdict === null).length,
        p50Ms: Math.round(percentile(latencies, 50)),
        p95Ms: Math.round(percentile(latencies, 95)),
        webP95Ms: Math.round(percentile(web, 95)),
        drainMs,
      }),
    );
  } finally {
    clearTimeout(hardStop);
    stop();
    await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    await database.drop().catch(() => {});
    rmSync(lagFile, { force: true });
  }
}

await main();
