// The stored report's schema (report.ts) against what the grader really writes: every kind of
// failure it finds must parse (the app would otherwise show "no report"), and what is not
// the grader's must not.

import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CheckResult as GraderCheckResult, GradeReport as GraderGradeReport } from "../grade/grade";
import { exploreSource } from "../testing";
import type { Failure as GraderFailure } from "../explore/types";
import { CheckResult, Failure, GradeReport } from "./report";

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
