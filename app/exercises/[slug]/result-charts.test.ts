import { describe, expect, it } from "vitest";
import { amdahl, chartCores } from "./speedup-chart";
import { runs } from "./utilisation-strip";
import { waitForGraph } from "./wait-for-graph";

describe("waitForGraph", () => {
  const deadlock = {
    cycle: ["Alice", "Bob"],
    waits: [
      { thread: "MainThread", op: "join", target: "Alice", holder: "Alice", line: 28 },
      { thread: "Alice", op: "acquire", target: "right", holder: "Bob", line: 16 },
      { thread: "Bob", op: "acquire", target: "left", holder: "Alice", line: 24 },
    ],
  };

  it("draws threads and locks, waits and holds, and marks the cycle's edges", () => {
    const { nodes, edges } = waitForGraph(deadlock);
    expect(nodes.map((n) => `${n.kind}:${n.label}`)).toEqual([
      "thread:Alice",
      "object:right",
      "thread:Bob",
      "object:left",
      "thread:MainThread",
    ]);
    const cycle = edges.filter((e) => e.inCycle).map((e) => `${e.from} ${e.kind} ${e.to}`);
    expect(cycle).toEqual([
      "thread:Alice waits object:right",
      "object:right held thread:Bob",
      "thread:Bob waits object:left",
      "object:left held thread:Alice",
    ]);
    // Joining a thread is an arrow to that thread, outside the cycle.
    expect(edges.find((e) => e.from === "thread:MainThread")).toMatchObject({ to: "thread:Alice", inCycle: false });
  });

  it("has no cycle edge when nobody waits in a cycle", () => {
    const { edges } = waitForGraph({
      cycle: [],
      waits: [{ thread: "Consumer", op: "get", target: "queue", holder: null, line: null }],
    });
    expect(edges).toEqual([
      { from: "thread:Consumer", to: "object:queue", kind: "waits", label: "get", inCycle: false },
    ]);
  });
});

describe("chart helpers", () => {
  it("Amdahl's law at the ends: no serial part is ideal, all serial is 1×", () => {
    expect(amdahl(0, 8)).toBe(8);
    expect(amdahl(1, 8)).toBe(1);
    expect(amdahl(0.25, 4)).toBeCloseTo(2.2857, 4);
  });

  it("the chart spans past the measured cores", () => {
    expect(chartCores(4)).toBe(8);
    expect(chartCores(16)).toBe(32);
  });

  it("a strip becomes runs of one state", () => {
    expect(runs("bbbww.")).toEqual([
      ["b", 0, 3],
      ["w", 3, 2],
      [".", 5, 1],
    ]);
    expect(runs("")).toEqual([]);
  });
});
