// The outcome union as the host parses it out of the isolate: each kind with the evidence its
// producer always sets, and nothing else. The result is untrusted, so a kind whose fields
// do not match it is refused like any other malformed result.

import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { outcomeMembers, outcomeSchema, parseScheduleResult } from "./result-schema";
import { OUTCOME_KINDS, type OutcomeKind, type ScheduleOutcome, type ScheduleResult } from "./types";

const access = (thread: string, op: "read" | "write", step: number) => ({
  thread,
  op,
  target: "counter",
  file: "solution.ts",
  line: 10,
  step,
});

/** One outcome of every kind, shaped as its producer writes it (engine/, detect/, library/). */
const real: { [K in OutcomeKind]: Extract<ScheduleOutcome, { kind: K }> } = {
  passed: { kind: "passed", message: "all threads finished" },
  assertion: { kind: "assertion", message: "expected 2, got 1", thread: "MainThread", file: "harness.ts", line: 9 },
  error: { kind: "error", message: "T raised TypeError: x is undefined", thread: "T", file: "solution.ts", line: 4 },
  escaped: { kind: "escaped", message: "MainThread is waiting for a promise…", thread: "MainThread" },
  misuse: { kind: "misuse", message: "T ended while its get() had not finished", thread: "T", line: 3 },
  diverged: { kind: "diverged", message: "the trace is not reproducible at step 4", thread: "T" },
  deadlock: {
    kind: "deadlock",
    message: "Deadlock: T1 → T2 → T1 wait for each other in a cycle.",
    waits: [
      { thread: "T1", op: "acquire", target: "b", holder: "T2", file: "solution.ts", line: 5 },
      { thread: "T2", op: "acquire", target: "a", holder: "T1", file: "solution.ts", line: 6 },
      { thread: "MainThread", op: "join", target: "T1" },
    ],
    cycle: ["T1", "T2"],
  },
  "potential-deadlock": {
    kind: "potential-deadlock",
    message: "T1 takes b while holding a; T2 takes a while holding b",
    thread: "T2",
    file: "solution.ts",
    line: 6,
    lockOrder: [
      { thread: "T1", held: "a", acquired: "b", heldAt: { file: "solution.ts", line: 5 }, acquiredAt: { line: 6 } },
      { thread: "T2", held: "b", acquired: "a", heldAt: {}, acquiredAt: { file: "solution.ts", line: 6 } },
    ],
  },
  "data-race": {
    kind: "data-race",
    message: "Data race on 'counter'",
    thread: "B",
    file: "solution.ts",
    line: 10,
    race: { target: "counter", kind: "read-write", first: access("A", "read", 3), second: access("B", "write", 7) },
  },
  "step-limit": { kind: "step-limit", message: "T computed for more than 2 s", thread: "T", line: 4, budget: "cpu" },
};

function result(outcome: unknown): string {
  const r: Omit<ScheduleResult, "outcome"> & { outcome: unknown } = {
    outcome,
    steps: 12,
    decisions: [0, 1],
    preemptions: 1,
    time: 3,
    work: 2,
    threads: ["MainThread", "A"],
    finalStates: [{ thread: "MainThread", state: "done" }],
  };
  return JSON.stringify(r);
}

describe("protocol/result-schema.ts: the outcome union", () => {
  it("is the union types.ts declares (a kind or a field changed on one side fails tsc)", () => {
    expectTypeOf<z.infer<typeof outcomeSchema>>().toEqualTypeOf<ScheduleOutcome>();
    expectTypeOf<ScheduleOutcome["kind"]>().toEqualTypeOf<OutcomeKind>();
    expect(Object.keys(outcomeMembers).sort()).toEqual([...OUTCOME_KINDS].sort());
  });

  it("accepts every kind in the shape its producer writes, and keeps its evidence", () => {
    for (const outcome of Object.values(real)) {
      expect(outcomeSchema.parse(outcome)).toEqual(outcome);
      expect(parseScheduleResult(result(outcome)).outcome).toEqual(outcome);
    }
    // The evidence a producer sets only sometimes: no wait-for cycle, the step budget.
    const { cycle: _cycle, ...noCycle } = real.deadlock;
    expect(outcomeSchema.safeParse(noCycle).success).toBe(true);
    const { budget: _budget, ...steps } = real["step-limit"];
    expect(outcomeSchema.safeParse(steps).success).toBe(true);
  });

  it("refuses a kind without the evidence its producer always sets", () => {
    const { race: _race, ...raceless } = real["data-race"];
    expect(outcomeSchema.safeParse(raceless).success).toBe(false);
    const { waits: _waits, ...waitless } = real.deadlock;
    expect(outcomeSchema.safeParse(waitless).success).toBe(false);
    expect(outcomeSchema.safeParse({ ...real["potential-deadlock"], lockOrder: [] }).success).toBe(false);
    const race = real["data-race"].race;
    const oneAccess = { ...real["data-race"], race: { ...race, second: undefined } };
    expect(outcomeSchema.safeParse(oneAccess).success).toBe(false);
    expect(() => parseScheduleResult(result(raceless))).toThrow();
  });

  it("refuses a kind that carries another kind's fields (a forged result)", () => {
    const race = real["data-race"].race;
    const forged = [
      { ...real.passed, race },
      { ...real.passed, line: 3 },
      { ...real.assertion, waits: [] },
      { ...real["data-race"], kind: "deadlock" },
      { ...real.deadlock, kind: "data-race" },
      { ...real["step-limit"], budget: "wall" },
      { ...real.error, budget: "cpu" },
      { ...real.passed, kind: "segfault" },
    ];
    for (const outcome of forged) {
      expect(outcomeSchema.safeParse(outcome).success, JSON.stringify(outcome)).toBe(false);
      expect(() => parseScheduleResult(result(outcome))).toThrow();
    }
  });
});
