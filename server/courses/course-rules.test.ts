import { describe, expect, it } from "vitest";
import type { GradeReport } from "../submissions/grade-report.schema";
import { describeLines, FailureEvidenceReport, failureSignature } from "./failure-signature";
import { bestCell } from "./get-gradebook";
import { gradebookCsv, textField } from "./gradebook-csv";
import { exerciseStats, median } from "./get-course-insight";
import { JoinCodeInput, newJoinCode } from "./join-code";
import { creditFor, parseLatePolicy } from "./late-policy";

const due = new Date("2026-12-10T12:00:00Z");
const hours = (h: number) => new Date(due.getTime() + h * 3_600_000);

describe("late policy", () => {
  it("counts on-time work in full whatever the policy", () => {
    for (const policy of [{ kind: "none" }, { kind: "accept" }, { kind: "penalty", percentPerDay: 50, maxDays: 1 }]) {
      expect(creditFor(80, hours(-1), due, parseLatePolicy(JSON.stringify(policy)))).toEqual({
        credited: 80,
        late: false,
        daysLate: 0,
      });
    }
    expect(creditFor(80, hours(1000), null, { kind: "none" })).toMatchObject({ credited: 80, late: false });
  });

  it("none: late work counts for nothing; accept: in full; both marked late", () => {
    expect(creditFor(80, hours(1), due, { kind: "none" })).toEqual({ credited: 0, late: true, daysLate: 1 });
    expect(creditFor(80, hours(1), due, { kind: "accept" })).toEqual({ credited: 80, late: true, daysLate: 1 });
  });

  it("penalty: per started day, nothing after maxDays", () => {
    const policy = { kind: "penalty", percentPerDay: 10, maxDays: 3 } as const;
    expect(creditFor(100, hours(1), due, policy).credited).toBe(90);
    expect(creditFor(100, hours(25), due, policy).credited).toBe(80);
    expect(creditFor(100, hours(72), due, policy).credited).toBe(70);
    expect(creditFor(100, hours(73), due, policy)).toEqual({ credited: 0, late: true, daysLate: 4 });
  });

  it("reads a damaged stored policy as the strictest", () => {
    expect(parseLatePolicy("not json")).toEqual({ kind: "none" });
    expect(parseLatePolicy('{"kind":"penalty"}')).toEqual({ kind: "none" });
    expect(parseLatePolicy('{"kind":"accept"}')).toEqual({ kind: "accept" });
  });
});

describe("best cell", () => {
  it("takes the best credited score, preferring on-time work at equal credit", () => {
    const cell = bestCell(
      [
        { createdAt: hours(-5), score: 40, verdict: "deadlock" },
        { createdAt: hours(2), score: 100, verdict: "passed" },
      ],
      due,
      { kind: "none" },
    );
    expect(cell).toEqual({ score: 40, late: false, passed: false, attempts: 2 });
    const accepted = bestCell(
      [
        { createdAt: hours(-5), score: 40, verdict: "deadlock" },
        { createdAt: hours(2), score: 100, verdict: "passed" },
      ],
      due,
      { kind: "accept" },
    );
    expect(accepted).toEqual({ score: 100, late: true, passed: true, attempts: 2 });
    expect(bestCell([], due, { kind: "accept" })).toEqual({ score: null, late: false, passed: false, attempts: 0 });
  });
});

describe("grade book CSV", () => {
  it("has the fixed header and one row per student, escaped", () => {
    const csv = gradebookCsv({
      course: { id: "c", title: "C" },
      latePolicy: { kind: "none" },
      exercises: [
        { slug: "dining-philosophers", title: "D", points: 100, dueAt: null },
        { slug: "shared-counter", title: "S", points: 50, dueAt: null },
      ],
      students: [
        {
          userId: "u1",
          email: "ada@example.com",
          displayName: 'Ada "the first", Lovelace',
          cells: {
            "dining-philosophers": { score: 100, late: false, passed: true, attempts: 2 },
            "shared-counter": { score: null, late: false, passed: false, attempts: 0 },
          },
          total: 100,
        },
        {
          userId: "u2",
          email: "eve@example.com",
          displayName: '=HYPERLINK("http://x")',
          cells: { "dining-philosophers": { score: 33.333, late: true, passed: false, attempts: 1 } },
          total: 33.333,
        },
      ],
    });
    expect(csv.split("\r\n")).toEqual([
      "email,displayName,dining-philosophers,shared-counter,total",
      'ada@example.com,"Ada ""the first"", Lovelace",100,,100',
      `eve@example.com,"'=HYPERLINK(""http://x"")",33.33,,33.33`,
      "",
    ]);
  });

  it("defuses every formula prefix and leaves plain text alone", () => {
    for (const prefix of ["=", "+", "-", "@", "\t"]) expect(textField(`${prefix}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(textField("Grace Hopper")).toBe("Grace Hopper");
    expect(textField("a-b@c")).toBe("a-b@c");
  });
});

describe("join codes", () => {
  it("are 8 unambiguous characters, and typed codes are normalised", () => {
    const code = newJoinCode();
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    expect(JoinCodeInput.parse(" k7mq-3xta ")).toBe("K7MQ3XTA");
    expect(JoinCodeInput.safeParse("<script>").success).toBe(false);
  });
});

describe("exercise statistics", () => {
  it("counts attempts, solvers, verdicts and the median time to solve", () => {
    const at = (min: number) => new Date(Date.UTC(2026, 11, 1, 10, min));
    const s = (userId: string, min: number, verdict: string) => ({
      id: `${userId}-${min}`,
      userId,
      exerciseId: "e",
      createdAt: at(min),
      verdict,
      score: verdict === "passed" ? 10 : 0,
      maxScore: 10,
    });
    const stats = exerciseStats(
      [s("a", 0, "deadlock"), s("a", 10, "passed"), s("b", 5, "race"), s("c", 1, "passed"), s("c", 9, "passed")],
      4,
    );
    expect(stats).toEqual({
      students: 4,
      attempted: 3,
      attempts: 5,
      solved: 2,
      solveRate: 0.5,
      verdicts: [
        { verdict: "passed", count: 3 },
        { verdict: "deadlock", count: 1 },
        { verdict: "race", count: 1 },
      ],
      medianTimeToSolveMs: 5 * 60_000,
    });
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});

// Reports shaped as the worker stores them (grader GradeReport, trimmed), with only the fields
// the signature reads filled in.
function report(verdict: string, outcome: Record<string, unknown>, message = "it failed"): GradeReport {
  const shaped = {
    verdict,
    score: 0,
    maxScore: 100,
    checks: [
      {
        id: "ok",
        title: "Passes",
        hidden: false,
        points: 20,
        earned: 20,
        verdict: "passed",
        message: "",
        schedulesRun: 1,
      },
      {
        id: "five",
        title: "Five philosophers",
        hidden: false,
        points: 80,
        earned: 0,
        verdict,
        message,
        schedulesRun: 10,
        failure: {
          verdict,
          kind: String(outcome.kind),
          message,
          schedule: 3,
          strategy: "pct",
          seed: 7,
          preemptions: 2,
          steps: 40,
          outcome: { kind: "x", message, ...outcome },
          trace: [],
          threads: ["T-1", "T-2"],
        },
      },
    ],
  };
  // Loosely typed on purpose: outcomes the grader never writes ("x") must not break grouping.
  return shaped as unknown as GradeReport;
}

const lockOrder = (first: string, second: string, threads: [string, string]) => ({
  kind: "potential-deadlock",
  lockOrder: [
    {
      thread: threads[0],
      held: first,
      acquired: second,
      heldAt: { file: "solution.ts", line: 22 },
      acquiredAt: { file: "solution.ts", line: 23 },
    },
    {
      thread: threads[1],
      held: second,
      acquired: first,
      heldAt: { file: "solution.ts", line: 22 },
      acquiredAt: { file: "solution.ts", line: 23 },
    },
  ],
});

describe("failure signature", () => {
  it("groups the same lock-order cycle whatever thread or rotation the schedule found", () => {
    const a = failureSignature(report("deadlock", lockOrder("fork-3", "fork-4", ["P-3", "P-4"])), "deadlock")!;
    const b = failureSignature(report("deadlock", lockOrder("fork-4", "fork-3", ["P-9", "P-1"])), "deadlock")!;
    expect(a.key).toBe(b.key);
    expect(a.summary).toBe("deadlock taking fork-3 then fork-4 at lines 22–23");
    expect(a.checkTitle).toBe("Five philosophers");
  });

  it("tells different locks, lines and bugs apart", () => {
    const base = failureSignature(report("deadlock", lockOrder("fork-3", "fork-4", ["P-3", "P-4"])), "deadlock")!;
    const otherLocks = failureSignature(report("deadlock", lockOrder("a", "b", ["P-3", "P-4"])), "deadlock")!;
    const race = (line: number) =>
      failureSignature(
        report("race", {
          kind: "data-race",
          race: {
            target: "counter",
            kind: "write-write",
            first: { thread: "T-1", op: "get", target: "counter", file: "solution.ts", line: 10, step: 4 },
            second: { thread: "T-2", op: "set", target: "counter", file: "solution.ts", line, step: 9 },
          },
        }),
        "race",
      )!;
    expect(otherLocks.key).not.toBe(base.key);
    expect(race(11).summary).toBe("race on `counter` at lines 10–11");
    expect(race(11).key).not.toBe(race(14).key);
    expect(race(14).summary).toBe("race on `counter` at lines 10 and 14");
    expect(race(11).key).toBe(race(11).key);
  });

  it("names a real deadlock by what the cycle waits on, and a wrong answer by its message without numbers", () => {
    const waits = failureSignature(
      report("deadlock", {
        kind: "deadlock",
        cycle: ["A", "B"],
        waits: [
          { thread: "A", op: "acquire", target: "left", holder: "B", file: "solution.ts", line: 7 },
          { thread: "B", op: "acquire", target: "right", holder: "A", file: "solution.ts", line: 8 },
          { thread: "C", op: "join", target: "A", file: "solution.ts", line: 30 },
        ],
      }),
      "deadlock",
    )!;
    expect(waits.objects).toEqual(["left", "right"]);
    expect(waits.lines).toEqual([7, 8]);
    const wrong = (n: number) =>
      failureSignature(
        report("wrong-answer", { kind: "assertion", file: "harness.ts", line: 70 }, `expected ${n}, got ${n - 3}`),
        "wrong-answer",
      )!;
    expect(wrong(200).key).toBe(wrong(400).key);
    expect(wrong(200).summary).toBe("wrong-answer in “Five philosophers”: expected #, got #");
    // A harness line is not the student's: it is not shown.
    expect(wrong(200).lines).toEqual([]);
  });

  it("reads only the evidence of a stored report (.pick), and reports stored with the flat outcome", () => {
    const stored = JSON.parse(JSON.stringify(report("deadlock", lockOrder("fork-3", "fork-4", ["P-3", "P-4"]))));
    stored.checks[1].failure.trace = "damaged";
    const parsed = FailureEvidenceReport.parse(stored);
    expect(failureSignature(parsed, "deadlock")?.summary).toBe("deadlock taking fork-3 then fork-4 at lines 22–23");
    // A data race stored without its accesses, a deadlock without its waits: grouped by message.
    const raceless = FailureEvidenceReport.parse(
      JSON.parse(
        JSON.stringify(report("race", { kind: "data-race", line: 10, file: "solution.ts" }, "Data race on 'n'")),
      ),
    );
    expect(failureSignature(raceless, "race")).toMatchObject({
      summary: "race in “Five philosophers” at line 10: Data race on 'n'",
      lines: [10],
    });
    const waitless = FailureEvidenceReport.parse(JSON.parse(JSON.stringify(report("deadlock", { kind: "deadlock" }))));
    expect(failureSignature(waitless, "deadlock")?.summary).toBe("deadlock in “Five philosophers”: it failed");
    // Another kind's evidence is not read: a data race that carries waits is grouped as a race.
    const mixed = report("race", {
      kind: "data-race",
      waits: [{ thread: "A", op: "acquire", target: "left", file: "solution.ts", line: 7 }],
      race: {
        target: "counter",
        kind: "write-write",
        first: { thread: "T-1", op: "write", target: "counter", file: "solution.ts", line: 10, step: 4 },
        second: { thread: "T-2", op: "write", target: "counter", file: "solution.ts", line: 11, step: 9 },
      },
    });
    expect(failureSignature(FailureEvidenceReport.parse(JSON.parse(JSON.stringify(mixed))), "race")?.summary).toBe(
      "race on `counter` at lines 10–11",
    );
  });

  it("is null for a pass and still groups an unreadable report", () => {
    const passed: GradeReport = { verdict: "passed", score: 1, maxScore: 1, checks: [] };
    expect(failureSignature(passed, "passed")).toBeNull();
    expect(failureSignature(null, "passed")).toBeNull();
    expect(failureSignature(null, "race")?.summary).toBe("race (report unreadable)");
  });

  it("groups compile errors by the student's lines", () => {
    const compile: GradeReport = {
      verdict: "compile-error",
      score: 0,
      maxScore: 1,
      checks: [],
      diagnostics: [{ file: "solution.ts", line: 4, column: 2, message: "Cannot find name 'x'." }],
    };
    expect(failureSignature(compile, "compile-error")?.summary).toBe(
      "does not compile at line 4: Cannot find name 'x'.",
    );
    expect(describeLines([])).toBe("");
  });
});
