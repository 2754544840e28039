// Issue 14, "you are the scheduler": the step task replays a prefix of decisions and stops
// exactly after it, saying what each thread does next, where, and the shared state.

import { describe, expect, it } from "vitest";
import { session } from "../testing";
import { stepProgram, type StepState } from "./step";

// Thread ids: 0 is main, 1 is A, 2 is B. Lines: the get is on line 5, the set on line 6.
const COUNTER = `import { Shared, spawn, assert } from "interleave";
const counter = new Shared(0, "counter");
async function worker() {
  for (let i = 0; i < 2; i++) {
    const v = await counter.get();
    await counter.set(v + 1);
  }
}
export default async function main() {
  const a = spawn(worker, "A");
  const b = spawn(worker, "B");
  await a.join();
  await b.join();
  const total = await counter.get();
  assert(total === 4, "expected 4 increments, counted " + total);
}
`;

function step(decisions: number[], detectors?: boolean): StepState {
  const files = [{ name: "program.ts", displayName: "counter.ts", source: COUNTER }];
  const s = session(COUNTER, "counter.ts");
  try {
    return stepProgram(s, files, {
      decisions,
      detectors,
      cores: 4,
      maxSteps: 10_000,
      entryModule: "program.ts",
      entryExport: "default",
    });
  } finally {
    s.dispose();
  }
}

const next = (st: StepState, name: string) => st.threads.find((t) => t.name === name);

describe("stepProgram", () => {
  it("with no decision yet: main is about to join, A and B have not started", () => {
    const st = step([]);
    expect(st.finished).toBe(false);
    expect(st.threadNames).toEqual(["MainThread", "A", "B"]);
    expect(st.runnable).toEqual([0, 1, 2]);
    expect(next(st, "MainThread")).toMatchObject({ op: "join", line: 12, text: "await a.join();" });
    expect(next(st, "A")).toMatchObject({ op: "start", state: "runnable" });
    expect(st.shared).toEqual([]);
  });

  it("stops exactly after the prefix, with each thread's next operation and line", () => {
    // main joins A (blocks), A starts and reaches its get.
    const st = step([0, 1]);
    expect(st.decisions).toEqual([0, 1]);
    expect(st.runnable).toEqual([1, 2]);
    expect(next(st, "MainThread")).toMatchObject({ state: "blocked", op: "join", target: "A" });
    expect(next(st, "A")).toMatchObject({ op: "get", line: 5, text: "const v = await counter.get();" });
    expect(next(st, "B")).toMatchObject({ op: "start" });
    // Nothing after the prefix ran: no access yet.
    expect(st.trace.some((e) => e.op === "get")).toBe(false);

    // One more step of A: its get ran (and only that), it now waits before its set.
    const st2 = step([0, 1, 1]);
    expect(st2.trace.filter((e) => e.op === "get" || e.op === "set").map((e) => `${e.thread} ${e.op}`)).toEqual([
      "A get",
    ]);
    expect(next(st2, "A")).toMatchObject({ op: "set", line: 6, text: "await counter.set(v + 1);" });
    expect(st2.shared).toEqual([{ name: "counter", value: "0" }]);
  });

  it("plays the lost update to the end: both read 0, both write 1, and the check fails", () => {
    // A reads, B reads, A writes, B writes (1 over 1), then each finishes alone.
    const st = step([0, 1, 1, 2, 2, 1, 2, 1, 1, 2, 2, 0, 0, 0, 0]);
    const accesses = st.trace.filter((e) => e.op === "get" || e.op === "set");
    expect(accesses.slice(0, 4).map((e) => `${e.thread} ${e.op} ${e.value}`)).toEqual([
      "A get 0",
      "B get 0",
      "A set 1",
      "B set 1",
    ]);
    expect(st.finished).toBe(true);
    expect(st.outcome).toMatchObject({ kind: "assertion", message: "expected 4 increments, counted 3" });
    expect(st.verdict).toBe("race");
    expect(st.runnable).toEqual([]);
  });

  it("a serial schedule finishes and passes", () => {
    const st = step([0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0, 0, 0]);
    expect(st.finished).toBe(true);
    expect(st.outcome?.kind).toBe("passed");
    expect(st.verdict).toBe("passed");
  });

  it("a thread that cannot run at that step is bad input, not a result", () => {
    // After [0] main is blocked in join.
    expect(() => step([0, 0])).toThrow(RangeError);
  });

  it("with the detectors on, the first unordered access ends the schedule as a data race", () => {
    const st = step([0, 1, 1, 2, 2, 1, 2, 1, 1, 2, 2, 0, 0, 0, 0], true);
    expect(st.finished).toBe(true);
    expect(st.outcome?.kind).toBe("data-race");
  });
});
