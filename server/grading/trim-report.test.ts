import { afterAll, describe, expect, it } from "vitest";
import {
  gradeSolution,
  manifestSchema,
  SandboxPool,
  type GradeReport,
  type LoadedExercise,
  type TraceEvent,
} from "../../grader/index";
import { GradeReport as StoredReport } from "../submissions/grade-report.schema";
import { toResultView } from "../submissions/submission-view";
import { REPORT_LIMITS, trimReport } from "./trim-report";

// Reports are trimmed in the worker before they are stored (issue 9): events and bytes capped,
// marked truncated, no trace stored twice.

const event = (step: number, thread = "T1"): TraceEvent => ({ step, thread, op: "set", target: "x", time: step });

function failure(trace: TraceEvent[], traceHash: string) {
  return {
    verdict: "race" as const,
    kind: "assertion" as const,
    message: "expected 2, got 1",
    schedule: 3,
    strategy: "pct" as const,
    seed: 7,
    preemptions: 2,
    steps: trace.length,
    outcome: { kind: "assertion" as const, message: "expected 2, got 1" },
    decisions: trace.map((_, i) => i % 2),
    trace,
    traceHash,
    threads: ["MainThread", "T1"],
  };
}

function report(checks: { id: string; hidden: boolean; trace?: TraceEvent[]; hash?: string }[]): GradeReport {
  const results = checks.map((c) => ({
    id: c.id,
    title: `Check ${c.id}`,
    hidden: c.hidden,
    points: 1,
    earned: c.trace ? 0 : 1,
    verdict: c.trace ? ("race" as const) : ("passed" as const),
    message: c.trace ? "expected 2, got 1" : "passed 10 schedules",
    schedulesRun: 10,
    failure: c.trace ? failure(c.trace, c.hash ?? c.id) : undefined,
  }));
  const first = results.find((r) => r.failure);
  return {
    exercise: "x",
    verdict: first ? "race" : "passed",
    score: results.reduce((s, r) => s + r.earned, 0),
    maxScore: results.length,
    checks: results,
    failure: first ? { ...first.failure!, check: first.id, hidden: first.hidden } : undefined,
  };
}

describe("trimming a report before it is stored", () => {
  it("a small passing report is stored as it is, and not marked", () => {
    const r = report([{ id: "a", hidden: false }]);
    const { json, truncated } = trimReport(r);
    expect(truncated).toBeNull();
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it("a failing report keeps its trace once: not again as the overall failure", () => {
    const r = report([{ id: "a", hidden: false, trace: [event(0), event(1)] }]);
    const stored = JSON.parse(trimReport(r).json) as Record<string, unknown>;
    expect(stored.failure).toEqual({ check: "a", hidden: false });
    expect((stored.checks as { failure: { trace: unknown[] } }[])[0]!.failure.trace).toHaveLength(2);
  });

  it("a long trace keeps its last events, says how many it lost, and the report is marked", () => {
    const long = Array.from({ length: 12_000 }, (_, i) => event(i));
    const { json, truncated } = trimReport(report([{ id: "a", hidden: false, trace: long }]));
    const stored = StoredReport.parse(JSON.parse(json));
    const f = stored.checks[0]!.failure!;
    expect(f.trace).toHaveLength(REPORT_LIMITS.maxTraceEvents);
    expect(f.trace[0]!.step).toBe(12_000 - REPORT_LIMITS.maxTraceEvents);
    expect(f.trace.at(-1)!.step).toBe(11_999);
    expect(f.traceOmitted).toBe(12_000 - REPORT_LIMITS.maxTraceEvents);
    expect(truncated?.traceEvents).toBe(12_000 - REPORT_LIMITS.maxTraceEvents);
    expect(stored.truncated).toBeDefined();
    // The student's timeline counts what the worker cut, too.
    const view = toResultView({ verdict: "race", score: 0, maxScore: 1, reportJson: json });
    expect(view.truncated).toBe(true);
    expect(view.failure!.omittedEvents).toBe(12_000 - view.failure!.trace.length);
  });

  it("huge strings are cut, in trace events shorter still", () => {
    const r = report([{ id: "a", hidden: false, trace: [{ ...event(0), value: "v".repeat(100_000) }] }]);
    r.checks[0]!.message = "m".repeat(100_000);
    const stored = StoredReport.parse(JSON.parse(trimReport(r).json));
    expect(stored.checks[0]!.message.length).toBe(REPORT_LIMITS.maxText);
    expect(stored.checks[0]!.failure!.trace[0]!.value!.length).toBe(REPORT_LIMITS.maxEventText);
  });

  it("two checks that failed on the same trace store it once, with the visible check", () => {
    const trace = Array.from({ length: 100 }, (_, i) => event(i));
    const r = report([
      { id: "hidden", hidden: true, trace, hash: "same" },
      { id: "shown", hidden: false, trace, hash: "same" },
      { id: "other", hidden: false, trace: trace.slice(0, 10), hash: "other" },
    ]);
    const { json, truncated } = trimReport(r);
    const stored = StoredReport.parse(JSON.parse(json));
    const byId = Object.fromEntries(stored.checks.map((c) => [c.id, c.failure!]));
    expect(byId.shown!.trace).toHaveLength(100);
    expect(byId.hidden!.trace).toEqual([]);
    expect(byId.other!.trace).toHaveLength(10);
    expect(truncated?.duplicateTraces).toBe(1);
  });

  it("however many checks and traces, the stored report stays under the byte cap", () => {
    const checks = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      hidden: i % 2 === 0,
      trace: Array.from({ length: 6_000 }, (_, s) => event(s, `thread-${i}-${"n".repeat(60)}`)),
    }));
    const r = report(checks);
    const before = JSON.stringify(r).length;
    const { json, truncated } = trimReport(r);
    expect(before).toBeGreaterThan(20 * REPORT_LIMITS.maxBytes);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(REPORT_LIMITS.maxBytes);
    expect(truncated!.originalBytes).toBe(Buffer.byteLength(JSON.stringify(r)));
    // Still a report the app can read: every check with its verdict.
    const stored = StoredReport.parse(JSON.parse(json));
    expect(stored.checks).toHaveLength(40);
    expect(stored.checks.every((c) => c.verdict === "race")).toBe(true);
  });
});

describe("a submission that produces huge output", () => {
  const pool = new SandboxPool({ size: 1, taskTimeoutMs: 120_000 });
  afterAll(() => pool.close());

  it("is graded, and what is stored stays under the cap and is marked truncated", async () => {
    const manifest = manifestSchema.parse({
      id: "fixture-noisy",
      slug: "noisy",
      title: "Noisy (report-size fixture)",
      chapter: 19,
      difficulty: "easy",
      points: 2,
      summary: "Two checks that fail the same way after a very long run.",
      checks: [
        { id: "one", title: "One", export: "one", points: 1 },
        { id: "two", title: "Two", export: "two", points: 1, hidden: true },
      ],
      schedules: { strategy: "rr", runs: 1, seed: 1, maxSteps: 200_000 },
      runtime: { cores: 2 },
      mutants: [{ file: "mutants/none.ts", verdict: "wrong-answer", bug: "unused here" }],
    });
    const exercise: LoadedExercise = {
      dir: "/nonexistent",
      manifest,
      statement: "",
      starter: "",
      reference: "",
      harness: `import { noisy } from "./solution";\nexport async function one() { await noisy(); }\nexport async function two() { await noisy(); }\n`,
      mutants: [],
    };
    // Every event carries a long value and a long thread name; then the program fails.
    const solution = `
import { Shared, spawn, assert } from "interleave";
export async function noisy() {
  const s = new Shared("", "${"s".repeat(70)}");
  const ts = [0, 1, 2, 3].map((i) => spawn(async () => {
    for (let k = 0; k < 2_000; k++) await s.set("${"v".repeat(150)}" + k);
  }, "${"t".repeat(70)}" + i));
  for (const t of ts) await t.join();
  assert(false, "${"m".repeat(5_000)}");
}
`;
    const graded = await gradeSolution(pool, exercise, solution, "solution.ts");
    expect(graded.verdict).not.toBe("passed");
    expect(graded.checks.every((c) => c.failure !== undefined)).toBe(true);
    const raw = Buffer.byteLength(JSON.stringify(graded));
    const { json, truncated } = trimReport(graded);
    expect(raw).toBeGreaterThan(1024 * 1024);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(REPORT_LIMITS.maxBytes);
    expect(truncated).not.toBeNull();
    const view = toResultView({ verdict: "wrong-answer", score: 0, maxScore: 2, reportJson: json });
    expect(view.unreadable).toBe(false);
    expect(view.truncated).toBe(true);
    expect(view.failure!.checkTitle).toBe("One");
    expect(view.failure!.trace.length).toBeGreaterThan(0);
  }, 120_000);
});
