import { describe, expect, it } from "vitest";
import { simulateHistory } from "./history-fixtures";
import {
  checkLinearizability,
  counterModel,
  mapModel,
  sameValue,
  setModel,
  stackModel,
  type Operation,
  type StackInput,
  type StackOutput,
} from "./linearizability";

let nextId = 0;
function op<I, O>(thread: number, input: I, output: O, call: number, ret: number): Operation<I, O> {
  return { id: nextId++, thread, input, output, call, ret };
}

describe("models", () => {
  it("sameValue compares recorded outputs structurally", () => {
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2] })).toBe(true);
    expect(sameValue(1, "1")).toBe(false);
    expect(sameValue(null, undefined)).toBe(false);
  });

  it("counter: increments by any amount; an increment may report the new value", () => {
    const model = counterModel(10);
    const ok = [op(1, { op: "increment" as const, by: 5 }, 15, 1, 2), op(2, { op: "get" as const }, 15, 3, 4)];
    expect(checkLinearizability(model, ok).result).toBe("ok");
    // Both incrementAndGet calls saw 11: one increment was lost.
    const lost = [op(1, { op: "increment" as const }, 11, 1, 4), op(2, { op: "increment" as const }, 11, 2, 3)];
    expect(checkLinearizability(model, lost)).toMatchObject({ result: "illegal", minimal: lost });
  });

  it("set: partitions by element and keeps 1 apart from '1'", () => {
    const model = setModel();
    const history = [
      op(1, { op: "add" as const, value: 1 }, true, 1, 2),
      op(2, { op: "add" as const, value: "1" }, true, 3, 4),
      op(3, { op: "contains" as const, value: "1" }, true, 5, 6),
      op(3, { op: "remove" as const, value: 1 }, true, 7, 8),
      op(3, { op: "remove" as const, value: 1 }, false, 9, 10),
      op(1, { op: "contains" as const, value: 1 }, undefined, 11, 12),
    ];
    expect(model.partition!(history).map((p) => p.length)).toEqual([4, 2]);
    expect(checkLinearizability(model, history).result).toBe("ok");
    // Two adds of the same element both "succeeding" sequentially is not a set.
    const doubleAdd = [
      op(1, { op: "add" as const, value: 7 }, true, 1, 2),
      op(2, { op: "add" as const, value: 7 }, true, 3, 4),
    ];
    expect(checkLinearizability(model, doubleAdd)).toMatchObject({ result: "illegal", minimal: doubleAdd });
  });

  it("map: put/get/delete per key, absent is null", () => {
    const model = mapModel<string>();
    const history = [
      op(1, { op: "get" as const, key: 1 }, null, 1, 2),
      op(1, { op: "put" as const, key: 1, value: "a" }, null, 3, 4),
      op(2, { op: "put" as const, key: "1", value: "b" }, undefined, 3, 4),
      op(2, { op: "get" as const, key: 1 }, "a", 5, 6),
      op(1, { op: "delete" as const, key: 1 }, "a", 7, 8),
      op(2, { op: "get" as const, key: "1" }, "b", 9, 10),
    ];
    const result = checkLinearizability(model, history);
    expect(result.result).toBe("ok");
    // A put reporting a previous value that was never there.
    const wrong = [op(1, { op: "put" as const, key: "k", value: "x" }, "ghost", 1, 2)];
    expect(checkLinearizability(model, wrong)).toMatchObject({ result: "illegal", minimal: wrong });
  });

  it("stack: the push-order hint never changes the answer", () => {
    const plain = { ...stackModel<number>(), prioritize: undefined };
    for (const seed of [1, 2, 3, 4, 5]) {
      let next = 0;
      const history = simulateHistory<number[], StackInput<number>, StackOutput<number>>(
        {
          init: [],
          nextInput: (random) => (random() < 0.5 ? { op: "push", value: next++ } : { op: "pop" }),
          apply: (s, input) =>
            input.op === "push"
              ? { output: undefined, state: [...s, input.value] }
              : s.length === 0
                ? { output: null, state: s }
                : { output: s[s.length - 1], state: s.slice(0, -1) },
        },
        { seed, threads: 3, operations: 40 },
      );
      const broken = history.map((o) => ({ ...o }));
      const pop = broken.find((o) => o.input.op === "pop" && o.output !== null && o.call > 20);
      if (pop) pop.output = 999;
      for (const h of [history, broken]) {
        expect(checkLinearizability(stackModel<number>(), h).result).toBe(checkLinearizability(plain, h).result);
      }
      expect(checkLinearizability(stackModel<number>(), history).result).toBe("ok");
    }
  });
});
