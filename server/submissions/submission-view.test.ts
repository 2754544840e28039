import { describe, expect, it } from "vitest";
import { MAX_TIMELINE_EVENTS, toResultView, type CheckView } from "./submission-view";

const event = (step: number, thread: string, op: string, line?: number, file = "solution.ts") => ({
  step,
  thread,
  op,
  target: "counter",
  time: step,
  ...(line === undefined ? {} : { line, file }),
});

function failure(overrides: Record<string, unknown> = {}) {
  return {
    verdict: "race",
    kind: "assertion",
    message: "expected 6, got 5",
    schedule: 3,
    strategy: "pct",
    seed: 4,
    preemptions: 7,
    steps: 12,
    outcome: { kind: "assertion", message: "expected 6, got 5", thread: "MainThread", file: "harness.ts", line: 9 },
    decisions: [0, 1, 1],
    trace: [
      event(0, "MainThread", "spawn", 8),
      event(1, "A", "get", 10),
      event(2, "MainThread", "fail", 9, "harness.ts"),
    ],
    traceHash: "x",
    threads: ["MainThread", "A", "B"],
    ...overrides,
  };
}

function report(checks: unknown[]) {
  return JSON.stringify({ exercise: "ex", verdict: "race", score: 10, maxScore: 30, checks });
}

const check = (id: string, hidden: boolean, verdict: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Check ${id}`,
  hidden,
  points: 10,
  earned: verdict === "passed" ? 10 : 0,
  verdict,
  message: verdict === "passed" ? "passed 300 schedules" : `secret message of ${id}`,
  feedback: `feedback of ${id}`,
  schedulesRun: 300,
  ...extra,
});

const result = (reportJson: string) => ({ verdict: "race", score: 10, maxScore: 30, reportJson });

describe("toResultView", () => {
  it("shows hidden checks as title and pass/fail only, and never their failure", () => {
    const hiddenFailure = failure({ message: "hidden trace message", trace: [event(0, "H", "get", 99)] });
    const view = toResultView(
      result(
        report([
          check("a", true, "race", { failure: hiddenFailure }),
          check("b", false, "passed"),
          check("c", false, "race", { failure: failure(), report: { failingShare: { failed: 3, explored: 100 } } }),
        ]),
      ),
    );
    expect(view.checks[0]).toEqual({ kind: "hidden", title: "Check a", passed: false } satisfies CheckView);
    expect(view.checks[1]).toMatchObject({ kind: "visible", passed: true, feedback: null });
    expect(view.checks[2]).toMatchObject({
      kind: "visible",
      passed: false,
      message: "secret message of c",
      feedback: "feedback of c",
    });
    // The timeline is the first failing VISIBLE check's, although the hidden one failed first.
    expect(view.failure).toMatchObject({ checkTitle: "Check c", failingShare: { failed: 3, explored: 100 } });
    const json = JSON.stringify(view);
    expect(json).not.toContain("secret message of a");
    expect(json).not.toContain("feedback of a");
    expect(json).not.toContain("hidden trace message");
    expect(json).not.toContain('"H"');
    expect(view.onlyHiddenChecksFailed).toBe(false);
  });

  it("says when only hidden checks failed, without a timeline", () => {
    const view = toResultView(
      result(report([check("a", true, "race", { failure: failure() }), check("b", false, "passed")])),
    );
    expect(view.failure).toBeNull();
    expect(view.onlyHiddenChecksFailed).toBe(true);
  });

  it("the overall verdict is the first failing visible check's, never a hidden check's", () => {
    // The grader's overall verdict ("race", stored before issue 9) came from the hidden check.
    const view = toResultView(
      result(
        report([
          check("a", true, "race", { failure: failure({ message: "hidden trace message" }) }),
          check("b", false, "deadlock", { failure: failure({ verdict: "deadlock" }) }),
        ]),
      ),
    );
    expect(view.verdict).toBe("deadlock");
    expect(view.passed).toBe(false);
    expect(view.failure).toMatchObject({ checkTitle: "Check b", verdict: "deadlock" });
  });

  it("when only hidden checks failed the verdict says wrong, not how: no hidden verdict leaves", () => {
    const view = toResultView(
      result(
        report([
          check("a", false, "passed"),
          check("h", true, "starvation", {
            failure: failure({ verdict: "starvation", message: "hidden trace message" }),
          }),
        ]),
      ),
    );
    expect(view.verdict).toBe("wrong-answer");
    expect(view.passed).toBe(false);
    expect(view.onlyHiddenChecksFailed).toBe(true);
    const json = JSON.stringify(view);
    expect(json).not.toContain("starvation");
    expect(json).not.toContain("race");
    expect(json).not.toContain("secret message of h");
    expect(json).not.toContain("hidden trace message");
  });

  it("a compile error stays a compile error, even in an exercise whose checks are all hidden", () => {
    const compile = JSON.stringify({
      verdict: "compile-error",
      score: 0,
      maxScore: 10,
      checks: [check("h", true, "compile-error")],
      diagnostics: [{ file: "solution.ts", line: 1, column: 5, message: "':' expected." }],
    });
    const view = toResultView({ verdict: "compile-error", score: 0, maxScore: 10, reportJson: compile });
    expect(view.verdict).toBe("compile-error");
  });

  it("a passing report keeps its verdict (the check stays quiet)", () => {
    const passed = JSON.stringify({
      verdict: "passed",
      score: 20,
      maxScore: 20,
      checks: [check("a", false, "passed"), check("h", true, "passed")],
    });
    const view = toResultView({ verdict: "passed", score: 20, maxScore: 20, reportJson: passed });
    expect(view).toMatchObject({ verdict: "passed", passed: true, onlyHiddenChecksFailed: false, failure: null });
  });

  it("prefers the shrunk interleaving and keeps only the student's lines", () => {
    const shrunk = {
      preemptions: 1,
      steps: 3,
      trace: [event(0, "A", "get", 10), event(1, "B", "set", 11)],
      message: "m",
    };
    const view = toResultView(result(report([check("c", false, "race", { failure: failure({ shrunk }) })])));
    expect(view.failure).toMatchObject({ traceKind: "shrunk", preemptions: 1, foundPreemptions: 7 });
    expect(view.failure?.trace.map((e) => e.line)).toEqual([10, 11]);

    const plain = toResultView(result(report([check("c", false, "race", { failure: failure() })])));
    expect(plain.failure).toMatchObject({
      traceKind: "found",
      preemptions: 7,
      file: "the exercise's checks",
      line: null,
    });
    // The harness's line is dropped (the harness is hidden), the student's kept.
    expect(plain.failure?.trace.map((e) => e.line)).toEqual([8, 10, undefined]);
  });

  it("shows the DeadlockFuzzer schedule of a confirmed deadlock, with the lock-order cycle", () => {
    const confirmation = {
      happened: true,
      attempts: 2,
      trace: [event(0, "P0", "acquire", 14), event(1, "P1", "acquire", 14)],
    };
    const lockOrder = [
      {
        thread: "P0",
        held: "fork-0",
        acquired: "fork-1",
        heldAt: { file: "solution.ts", line: 14 },
        acquiredAt: { file: "solution.ts", line: 15 },
      },
    ];
    const f = failure({
      verdict: "deadlock",
      threads: ["MainThread", "P0", "P1"],
      outcome: { kind: "potential-deadlock", message: "cycle", file: "solution.ts", line: 15, lockOrder },
      confirmation,
    });
    const view = toResultView(result(report([check("c", false, "deadlock", { failure: f })])));
    expect(view.failure).toMatchObject({
      traceKind: "deadlock-fuzzer",
      preemptions: null,
      file: "solution.ts",
      line: 15,
      deadlockConfirmation: { happened: true, attempts: 2 },
      lockOrder: [{ thread: "P0", held: "fork-0", acquired: "fork-1", heldLine: 14, acquiredLine: 15 }],
    });
    expect(view.failure?.trace).toHaveLength(2);
  });

  it("keeps the end of a very long trace and says how much was cut", () => {
    const trace = Array.from({ length: MAX_TIMELINE_EVENTS + 5 }, (_, i) => event(i, "A", "get", 9));
    const view = toResultView(result(report([check("c", false, "starvation", { failure: failure({ trace }) })])));
    expect(view.failure?.trace).toHaveLength(MAX_TIMELINE_EVENTS);
    expect(view.failure?.trace[0]?.step).toBe(5);
    expect(view.failure?.omittedEvents).toBe(5);
  });

  it("keeps compile errors of the student's file only, and survives a damaged report", () => {
    const compile = JSON.stringify({
      verdict: "compile-error",
      score: 0,
      maxScore: 10,
      checks: [check("c", false, "compile-error")],
      diagnostics: [
        { file: "solution.ts", line: 1, column: 5, message: "':' expected." },
        { file: "harness.ts", line: 3, column: 1, message: "secret" },
      ],
    });
    expect(toResultView(result(compile)).diagnostics).toEqual([{ line: 1, column: 5, message: "':' expected." }]);
    expect(toResultView(result("not json"))).toMatchObject({ unreadable: true, verdict: "race", checks: [] });
  });
});

describe("a race's timeline (issue 14)", () => {
  const v = (step: number, thread: string, op: string, value: string, line: number) => ({
    ...event(step, thread, op, line),
    value,
  });
  const race = {
    target: "counter",
    kind: "write-read",
    first: { thread: "A", op: "write", target: "counter", step: 4, file: "solution.ts", line: 11 },
    second: { thread: "B", op: "read", target: "counter", step: 11, file: "solution.ts", line: 10 },
  };
  const found = {
    kind: "data-race",
    outcome: { kind: "data-race", message: "Data race on 'counter'", thread: "B", file: "solution.ts", line: 10, race },
    trace: [
      v(1, "A", "get", "0", 10),
      v(2, "A", "set", "1", 11),
      { ...event(3, "B", "fail", 10), target: "data-race" },
      v(4, "B", "get", "1", 10),
    ],
  };

  it("shows the lost update when the grader found one: read, read, write, write, adjacent, with values", () => {
    const lostUpdate = {
      decisions: [0, 1, 1, 2, 2, 1, 2],
      trace: [
        event(0, "MainThread", "spawn", 8),
        v(1, "A", "get", "0", 10),
        v(2, "B", "get", "0", 10),
        v(3, "A", "set", "1", 11),
        v(4, "B", "set", "1", 11),
        event(5, "MainThread", "fail", 9, "harness.ts"),
      ],
      message: "expected 2, got 1",
      preemptions: 3,
      steps: [1, 2, 3, 4],
    };
    const view = toResultView(
      result(report([check("c", false, "race", { failure: failure({ ...found, lostUpdate }) })])),
    );
    const f = view.failure!;
    expect(f.traceKind).toBe("lost-update");
    expect(f.lostUpdate).toMatchObject({ target: "counter", events: [1, 2, 3, 4], read: "0", overwritten: "1" });
    expect(f.lostUpdate!.events.map((i) => `${f.trace[i]!.op}(${f.trace[i]!.thread})`)).toEqual([
      "get(A)",
      "get(B)",
      "set(A)",
      "set(B)",
    ]);
    // The failure row comes after the accesses.
    expect(f.trace.findIndex((e) => e.op === "fail")).toBeGreaterThan(4);
  });

  it("reads a report stored with the flat outcome: a race without its accesses, another kind's evidence", () => {
    const { race: _race, ...raceless } = found.outcome;
    const lostUpdate = { trace: found.trace, message: "m", preemptions: 1, steps: [0, 1, 1, 2] };
    const old = toResultView(
      result(report([check("c", false, "race", { failure: failure({ ...found, outcome: raceless, lostUpdate }) })])),
    );
    expect(old.unreadable).toBe(false);
    // Nothing names the race, so no lost update is shown either (its target would be unknown).
    expect(old.failure).toMatchObject({ race: null, lostUpdate: null, line: 10, waits: [], lockOrder: [] });
    const mixed = toResultView(
      result(
        report([
          check("c", false, "race", {
            failure: failure({
              ...found,
              outcome: { ...found.outcome, waits: [{ thread: "A", op: "acquire", target: "l" }], cycle: ["A"] },
            }),
          }),
        ]),
      ),
    );
    // A data race's view shows its race; waits are a deadlock's evidence, not shown for a race.
    expect(mixed.failure).toMatchObject({ race: { target: "counter" }, waits: [], cycle: [] });
  });

  it("without one, the detector's trace is shown in causal order: the access it names, then the failure", () => {
    const view = toResultView(result(report([check("c", false, "race", { failure: failure(found) })])));
    const f = view.failure!;
    expect(f.traceKind).toBe("found");
    expect(f.lostUpdate).toBeNull();
    expect(f.trace.map((e) => `${e.op}(${e.thread})`)).toEqual(["get(A)", "set(A)", "get(B)", "fail(B)"]);
  });
});

describe("performance", () => {
  const performance = (file: string) => ({
    kind: "speedup",
    passed: false,
    message: "Speedup 2.25× on 4 cores",
    cores: 4,
    makespan: 172,
    t1: 388,
    speedup: 2.25,
    minSpeedup: 3.5,
    serialFraction: 0.26,
    amdahlLimit: 3.87,
    serial: { file, from: 25, to: 27, time: 96, total: 100, text: `lines 25–27 of ${file}` },
    serialElsewhere: false,
    utilisation: {
      end: 172,
      bucket: 86,
      threads: [{ name: "MainThread", strip: "bw", totals: { busy: 100, wait: 72 } }],
      partial: false,
    },
  });

  it("hands a visible check's measurement to the page, with the serial lines of the student's file", () => {
    const view = toResultView(
      result(report([check("p", false, "too-slow", { performance: performance("solution.ts") })])),
    );
    const perf = view.checks[0]!.kind === "visible" ? view.checks[0]!.performance : null;
    expect(perf).toMatchObject({ speedup: 2.25, cores: 4, t1: 388, serialFraction: 0.26 });
    expect(perf?.serialLines).toEqual({ from: 25, to: 27 });
    expect(perf?.utilisation?.threads[0]).toEqual({ name: "MainThread", strip: "bw", totals: { busy: 100, wait: 72 } });
  });

  it("names no lines of another file, and a hidden check's measurement never leaves", () => {
    const view = toResultView(
      result(
        report([
          check("p", false, "too-slow", { performance: performance("harness.ts") }),
          check("h", true, "too-slow", { performance: { ...performance("solution.ts"), makespan: 98765 } }),
        ]),
      ),
    );
    expect(view.checks[0]!.kind === "visible" && view.checks[0]!.performance?.serialLines).toBeNull();
    expect(JSON.stringify(view)).not.toContain("98765");
  });
});
