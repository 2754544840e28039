import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../protocol/types";
import { analyzeLiveness } from "./liveness";

let step = 0;
const ev = (thread: string, op: string, target?: string, value?: string, line?: number): TraceEvent => ({
  step: step++,
  thread,
  op,
  target,
  value,
  line,
  time: 0,
});

function repeat(n: number, round: () => TraceEvent[]): TraceEvent[] {
  return Array.from({ length: n }, round).flat();
}

describe("analyzeLiveness", () => {
  it("a livelock: both threads take and give back locks forever, nothing changes", () => {
    const trace = repeat(50, () => [
      ev("T1", "acquire", "a", undefined, 5),
      ev("T1", "acquire", "b", "false", 6),
      ev("T1", "release", "a", undefined, 7),
      ev("T2", "acquire", "b", undefined, 12),
      ev("T2", "acquire", "a", "false", 13),
      ev("T2", "release", "b", undefined, 14),
    ]);
    const v = analyzeLiveness(trace, ["T1", "T2"], 300);
    expect(v.verdict).toBe("starvation");
    expect(v.message).toMatch(/^Livelock/);
    expect(v.starved).toEqual(["T1", "T2"]);
    expect(v.lines).toEqual([5, 6, 7, 12, 13, 14]);
  });

  it("a writer starved by readers that keep the count cycling", () => {
    const trace = repeat(50, () => [
      ev("Reader-1", "set", "readers", "1", 20),
      ev("Writer", "wake", undefined, undefined, 30),
      ev("Writer", "wait", "noReaders", "false", 30),
      ev("Reader-1", "set", "readers", "0", 22),
    ]);
    const v = analyzeLiveness(trace, ["Reader-1", "Writer"], 200);
    expect(v.verdict).toBe("starvation");
    expect(v.starved).toEqual(["Writer"]);
    expect(v.message).toContain("'Writer'");
  });

  it("a long computation that keeps reaching new values is a timeout, not starvation", () => {
    let i = 0;
    const trace = repeat(100, () => [
      ev("Worker", "get", "sum", String(i), 3),
      ev("Worker", "set", "sum", String(++i), 4),
    ]);
    const v = analyzeLiveness(trace, ["Worker"], 200);
    expect(v.verdict).toBe("timeout");
    expect(v.starved).toEqual([]);
  });
});
