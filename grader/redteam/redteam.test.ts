// The red team (issue 9): every attack in attacks/ is a program a student could submit, run
// through the real CLI — `interleave grade` against the vault exercise (whose harness and
// reference hold secrets), or `interleave run` and `replay` — and each must end safely:
//   - no forged pass: the verdict is not `passed` and the score is 0;
//   - no escape: no secret of the harness or the reference, nothing of the host in the output;
//   - no host crash: the CLI exits 0 or 1 with exactly one JSON object, within its time;
//   - determinism: a failing schedule replays to the same trace hash in another process.
// Each attack file starts with `// Attack:`, `// Kind:`, `// Expect:` (`not-passed`, or
// `one-of <verdict>...`) and optionally `// Target: run`.

import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.join(import.meta.dirname, "..", "..");
const ATTACKS = path.join(import.meta.dirname, "fixtures", "attacks");
const VAULT = path.join(import.meta.dirname, "fixtures", "vault");
const SECRETS = ["VAULT-SECRET-REFERENCE-4b1d", "VAULT-SECRET-HARNESS-9c2e", "VAULT-SECRET-VALUE-77aa"];
/** Longer than any sandbox budget: an attack still running then has hung the grader. */
const HUNG_MS = 240_000;

interface Attack {
  file: string;
  title: string;
  kind: string;
  target: "grade" | "run";
  expect: { notPassed: true } | { oneOf: string[] };
}

function readAttack(file: string): Attack {
  const text = readFileSync(path.join(ATTACKS, file), "utf8");
  const header = (key: string) => new RegExp(`^// ${key}: (.+)$`, "m").exec(text)?.[1]?.trim();
  const title = header("Attack");
  const kind = header("Kind");
  const expectation = header("Expect");
  if (!title || !kind || !expectation) throw new Error(`${file}: needs // Attack:, // Kind: and // Expect: headers`);
  return {
    file,
    title,
    kind,
    target: header("Target") === "run" ? "run" : "grade",
    expect:
      expectation === "not-passed" ? { notPassed: true } : { oneOf: expectation.replace(/^one-of /, "").split(/\s+/) },
  };
}

interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | null;
}

function cli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin", "interleave.mjs"), ...args],
      { cwd: ROOT, timeout: HUNG_MS, maxBuffer: 64 * 1024 * 1024, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(stdout) as Record<string, unknown>;
        } catch {
          json = null;
        }
        resolve({ code, signal: error?.signal ?? null, stdout, stderr, json });
      },
    );
  });
}

const tally = { tried: 0, escapes: 0, forgedPasses: 0, hostCrashes: 0, nondeterministic: 0 };

/** Run `tasks` with at most two at a time (the machine has two cores). */
async function pooled<T>(tasks: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

interface Outcome {
  attack: Attack;
  problems: string[];
  verdict: unknown;
  ms: number;
}

async function runAttack(attack: Attack): Promise<Outcome> {
  const started = performance.now();
  const file = path.relative(ROOT, path.join(ATTACKS, attack.file));
  const problems: string[] = [];
  const r =
    attack.target === "grade"
      ? await cli(["grade", path.relative(ROOT, VAULT), file, "--json"])
      : await cli(["run", file, "--json"]);
  const verdict = r.json?.verdict;
  const crashed = r.signal !== null || (r.code !== 0 && r.code !== 1) || r.json === null || typeof verdict !== "string";
  if (crashed) {
    tally.hostCrashes++;
    problems.push(
      `host crash: exit ${r.code} signal ${r.signal}; stdout ${r.stdout.slice(0, 300)}; stderr ${r.stderr.slice(0, 600)}`,
    );
  }
  const output = r.stdout + r.stderr;
  const leaked = SECRETS.filter((s) => output.includes(s));
  if (leaked.length > 0 || output.includes("[object process]") || output.includes(ROOT)) {
    tally.escapes++;
    problems.push(`escape: the output holds ${leaked.join(", ") || "the host's process or paths"}`);
  }
  if (!crashed) {
    const score = typeof r.json!.score === "number" ? r.json!.score : 0;
    const ok =
      "notPassed" in attack.expect
        ? verdict !== "passed" && score === 0
        : attack.expect.oneOf.includes(verdict as string) && score === 0;
    if (verdict === "passed" || score > 0) tally.forgedPasses++;
    // An attack that does not compile tried nothing.
    if (verdict === "compile-error" && !("oneOf" in attack.expect && attack.expect.oneOf.includes("compile-error")))
      problems.push(`the attack did not compile, so it tried nothing: ${r.stdout.slice(0, 300)}`);
    if (!ok) problems.push(`verdict ${String(verdict)} (score ${score}); expected ${JSON.stringify(attack.expect)}`);
  }
  if (attack.target === "grade" && attack.file === "forge-print-report.ts") {
    const text = await cli(["grade", path.relative(ROOT, VAULT), file]);
    if (!text.stdout.startsWith("✘"))
      problems.push(`the report's first line is not the real verdict: ${text.stdout.slice(0, 80)}`);
  }
  if (attack.target === "run" && !crashed) {
    // Determinism: the same run in another process, and the failure's replay, give one trace.
    const failure = r.json!.failure as
      | { strategy: string; seed: number; depth?: number; traceHash: string }
      | undefined;
    const again = await cli(["run", file, "--json"]);
    const hashAgain = (again.json?.failure as { traceHash?: string } | undefined)?.traceHash;
    if (!failure || hashAgain !== failure.traceHash)
      problems.push(`a second run differs: ${hashAgain} vs ${failure?.traceHash}`);
    if (failure) {
      const depth = failure.depth !== undefined ? ["--depth", String(failure.depth)] : [];
      const replay = await cli([
        "replay",
        file,
        "--strategy",
        failure.strategy,
        "--seed",
        String(failure.seed),
        ...depth,
        "--json",
      ]);
      const replayed = (replay.json?.failure as { traceHash?: string } | undefined)?.traceHash;
      if (replayed !== failure.traceHash) problems.push(`replay differs: ${replayed} vs ${failure.traceHash}`);
    }
    if (problems.length > 0) tally.nondeterministic++;
  }
  tally.tried++;
  return { attack, problems, verdict, ms: performance.now() - started };
}

describe("red team: attacks through the real CLI end safely (issue 9)", () => {
  const attacks = readdirSync(ATTACKS)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map(readAttack);
  let outcomes: Promise<Outcome[]> | null = null;
  const all = () => (outcomes ??= pooled(attacks.map((a) => () => runAttack(a))));

  afterAll(() => {
    console.log(
      `red team: ${tally.tried} attacks tried, escapes ${tally.escapes}, forged passes ${tally.forgedPasses}, host crashes ${tally.hostCrashes}, non-reproducible ${tally.nondeterministic}`,
    );
  });

  it("has an attack of every kind the issue lists", () => {
    const kinds = new Set(attacks.map((a) => a.kind));
    for (const k of ["forge", "read", "escape", "determinism", "resource"]) expect(kinds).toContain(k);
    expect(attacks.length).toBeGreaterThanOrEqual(25);
  });

  it("every attack ends safely", { timeout: 30 * 60_000 }, async () => {
    const results = await all();
    for (const o of results)
      console.log(
        `  ${o.problems.length ? "✘" : "✔"} ${o.attack.file}: ${String(o.verdict)} (${(o.ms / 1000).toFixed(1)} s)`,
      );
    const failed = results.filter((o) => o.problems.length > 0);
    expect(failed.map((o) => `${o.attack.file} (${o.attack.title}): ${o.problems.join("; ")}`)).toEqual([]);
    expect(tally).toMatchObject({ escapes: 0, forgedPasses: 0, hostCrashes: 0, nondeterministic: 0 });
  });
});
