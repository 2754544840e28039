// The stored report's schema (report.ts) against what the grader really writes: every kind of
// failure it finds must parse (the app would otherwise show "no report"), and what is not
// the grader's must not.

import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { CheckResult as GraderCheckResult, GradeReport as GraderGradeReport } from "../grade/grade";
import { exploreSource } from "../testing";
import type { Failure as GraderFailure } from "../explore/types";
import { CheckResult, Failure, GradeReport, StoredOutcome } from "./report";
import { OUTCOME_KINDS } from "./types";

const racy = `import { Shared, spawn } from "interleave";
export default async function main() {
  const counter = new Shared(0, "counter");
  const t = [0, 1].map(() => spawn(async () => { const v = await counter.get(); await counter.set(v + 1); }));
  for (const x of t) await x.join();
}
`;

const philosophers = `import { Lock, spawn } from "interleave";
export default async function main() {
  const a = new Lock("a");
  const b = new Lock("b");
  const t1 = spawn(async () => { await a.acquire(); await b.acquire(); b.release(); a.release(); });
  const t2 = spawn(async () => { await b.acquire(); await a.acquire(); a.release(); b.release(); });
  await t1.join();
  await t2.join();
}
`;

const spinner = `import { Shared, spawn } from "interleave";
export default async function main() {
  const flag = new Shared(false, "flag");
  const t = spawn(async () => { while (!(await flag.get())) {} });
  await t.join();
}
`;

function checkOf(failure: GraderFailure): GraderCheckResult {
  return {
    id: "c",
    title: "A check",
    hidden: false,
    points: 1,
    earned: 0,
    verdict: failure.verdict,
    message: failure.message,
    schedulesRun: 1,
    failure,
  };
}

describe("protocol/report.ts", () => {
  it("the grader's own report types fit the schema's input (a field renamed on one side fails tsc)", () => {
    expectTypeOf<GraderGradeReport>().toExtend<z.input<typeof GradeReport>>();
    expectTypeOf<GraderCheckResult>().toExtend<z.input<typeof CheckResult>>();
    expectTypeOf<GraderFailure>().toExtend<z.input<typeof Failure>>();
  });

  it("parses real failures: a race, a confirmed deadlock, a starvation", () => {
    const found = [
      exploreSource(racy, { runs: 200 }),
      exploreSource(philosophers, { runs: 200 }),
      exploreSource(spinner, { runs: 5, maxSteps: 2_000 }),
    ].map((r) => r.failure!);
    expect(found.map((f) => f.verdict)).toEqual(["race", "deadlock", "starvation"]);
    for (const failure of found) {
      const report: GraderGradeReport = {
        exercise: "x",
        verdict: failure.verdict,
        score: 0,
        maxScore: 1,
        checks: [checkOf(failure)],
        failure: { ...failure, check: "c", hidden: false },
      };
      const parsed = GradeReport.parse(JSON.parse(JSON.stringify(report)));
      expect(parsed.checks[0]!.failure!.trace).toEqual(failure.trace);
      expect(parsed.checks[0]!.failure!.outcome.kind).toBe(failure.outcome.kind);
    }
  });

  it("refuses what the grader never writes: an unknown verdict, failure kind or strategy", () => {
    const failure = exploreSource(racy, { runs: 200 }).failure!;
    const base = JSON.parse(JSON.stringify({ verdict: "race", score: 0, maxScore: 1, checks: [checkOf(failure)] }));
    expect(GradeReport.safeParse(base).success).toBe(true);
    expect(GradeReport.safeParse({ ...base, verdict: "accepted" }).success).toBe(false);
    const withFailure = (patch: object) => ({
      ...base,
      checks: [{ ...base.checks[0], failure: { ...base.checks[0].failure, ...patch } }],
    });
    expect(GradeReport.safeParse(withFailure({ kind: "segfault" })).success).toBe(false);
    expect(GradeReport.safeParse(withFailure({ strategy: "portfolio" })).success).toBe(false);
  });
});

// The outcome's schema before it became a union (grader/protocol/result-schema.ts at c43d27e):
// one flat object, every kind's evidence optional on every kind. Reports stored then are still
// in databases; all it accepted must still parse.
const oldSite = { file: z.string().optional(), line: z.number().int().optional() };
const oldAccess = z.object({
  thread: z.string(),
  op: z.enum(["read", "write"]),
  target: z.string(),
  step: z.number(),
  ...oldSite,
});
const previousOutcome = z.object({
  kind: z.enum(OUTCOME_KINDS),
  message: z.string(),
  thread: z.string().optional(),
  ...oldSite,
  waits: z
    .array(
      z.object({ thread: z.string(), op: z.string(), target: z.string(), holder: z.string().optional(), ...oldSite }),
    )
    .optional(),
  cycle: z.array(z.string()).optional(),
  budget: z.literal("cpu").optional(),
  race: z.object({ target: z.string(), kind: z.string(), first: oldAccess, second: oldAccess }).optional(),
  lockOrder: z
    .array(
      z.object({
        thread: z.string(),
        held: z.string(),
        acquired: z.string(),
        heldAt: z.object(oldSite).optional(),
        acquiredAt: z.object(oldSite).optional(),
      }),
    )
    .optional(),
});

/** Anything the flat schema took (fields present or not, on any kind). */
const name = fc.string({ maxLength: 6 });
const siteArb = fc.record({ file: name, line: fc.integer() }, { requiredKeys: [] });
const accessArb = fc.record(
  {
    thread: name,
    op: fc.constantFrom("read" as const, "write" as const),
    target: name,
    step: fc.nat(),
    file: name,
    line: fc.integer(),
  },
  { requiredKeys: ["thread", "op", "target", "step"] },
);
const flatOutcome = fc.record(
  {
    kind: fc.constantFrom(...OUTCOME_KINDS),
    message: fc.string(),
    thread: name,
    file: name,
    line: fc.integer(),
    waits: fc.array(
      fc.record(
        { thread: name, op: name, target: name, holder: name, file: name, line: fc.integer() },
        { requiredKeys: ["thread", "op", "target"] },
      ),
      { maxLength: 3 },
    ),
    cycle: fc.array(name, { maxLength: 3 }),
    budget: fc.constant("cpu" as const),
    race: fc.record({ target: name, kind: name, first: accessArb, second: accessArb }),
    lockOrder: fc.array(
      fc.record(
        { thread: name, held: name, acquired: name, heldAt: siteArb, acquiredAt: siteArb },
        { requiredKeys: ["thread", "held", "acquired"] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ["kind", "message"] },
);

/** A stored report (JSON, as in GradingResult.reportJson) whose one failure has `outcome`. */
function storedReport(outcome: object): unknown {
  const failure = {
    verdict: "race",
    kind: "data-race",
    message: "m",
    schedule: 0,
    strategy: "random",
    seed: 1,
    preemptions: 1,
    steps: 9,
    outcome,
    trace: [],
    traceHash: "h",
    threads: ["MainThread"],
  };
  const check = { id: "c", title: "A check", hidden: false, points: 1, earned: 0, verdict: "race", message: "m" };
  return JSON.parse(
    JSON.stringify({ verdict: "race", score: 0, maxScore: 1, checks: [{ ...check, schedulesRun: 1, failure }] }),
  );
}

describe("protocol/report.ts: reports stored with the flat outcome", () => {
  it("parses every outcome the flat schema took, keeping its kind and the evidence of that kind", () => {
    fc.assert(
      fc.property(flatOutcome, (old) => {
        expect(previousOutcome.safeParse(old).success).toBe(true);
        const parsed = GradeReport.safeParse(storedReport(old));
        expect(parsed.success, JSON.stringify(old)).toBe(true);
        const outcome = parsed.data!.checks[0]!.failure!.outcome;
        expect(outcome.kind).toBe(old.kind);
        expect(outcome.message).toBe(old.message);
        if (outcome.kind === "deadlock") expect(outcome.waits).toEqual(old.waits ?? []);
        if (outcome.kind === "potential-deadlock") expect(outcome.lockOrder).toEqual(old.lockOrder ?? []);
        if (outcome.kind === "data-race") expect(outcome.race).toEqual(old.race);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("reads the old shapes a fresh result may no longer have: a race without its accesses, another kind's fields", () => {
    const raceless = StoredOutcome.parse({ kind: "data-race", message: "Data race on 'counter'", line: 10 });
    expect(raceless).toEqual({ kind: "data-race", message: "Data race on 'counter'", line: 10 });
    const mixed = StoredOutcome.parse({
      kind: "deadlock",
      message: "Deadlock",
      cycle: ["A"],
      lockOrder: [{ thread: "A", held: "a", acquired: "a" }],
      budget: "cpu",
    });
    // The deadlock's own evidence is kept (an absent list reads as empty); the rest is dropped.
    expect(mixed).toEqual({ kind: "deadlock", message: "Deadlock", cycle: ["A"], waits: [] });
    expect(StoredOutcome.parse({ kind: "passed", message: "ok", file: "x.ts", line: 1 })).toEqual({
      kind: "passed",
      message: "ok",
    });
  });

  it("still refuses what the flat schema refused: an unknown kind, a malformed field of the kind", () => {
    expect(GradeReport.safeParse(storedReport({ kind: "segfault", message: "m" })).success).toBe(false);
    expect(
      GradeReport.safeParse(storedReport({ kind: "data-race", message: "m", race: { target: "x" } })).success,
    ).toBe(false);
    expect(GradeReport.safeParse(storedReport({ kind: "deadlock", message: "m", waits: "T1" })).success).toBe(false);
    expect(GradeReport.safeParse(storedReport({ kind: "step-limit", message: "m", budget: "wall" })).success).toBe(
      false,
    );
    expect(GradeReport.safeParse(storedReport({ kind: "deadlock", message: "m", waits: [] })).success).toBe(true);
  });
});
