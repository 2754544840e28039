import { describe, expect, it } from "vitest";
import {
  checkLinearizability,
  counterModel,
  LinearizabilityInputError,
  mapModel,
  queueModel,
  registerModel,
  setModel,
  stackModel,
  type Model,
  type Operation,
} from "./linearizability";
import { corruptMap, corruptQueue, mapSimulation, queueSimulation, simulateHistory } from "./history-fixtures";

let nextId = 0;
function op<I, O>(thread: number, input: I, output: O, call: number, ret: number): Operation<I, O> {
  return { id: nextId++, thread, input, output, call, ret };
}

/** The returned linearization must be a legal sequential run that respects real time. */
function expectValidLinearization<S, I, O>(model: Model<S, I, O>, history: Operation<I, O>[], order: number[]) {
  expect([...order].sort((a, b) => a - b)).toEqual(history.map((o) => o.id).sort((a, b) => a - b));
  const byId = new Map(history.map((o) => [o.id, o]));
  const position = new Map(order.map((id, i) => [id, i]));
  const inversions = history.flatMap((a) =>
    history.filter((b) => a.ret < b.call && position.get(a.id)! > position.get(b.id)!).map((b) => [a.id, b.id]),
  );
  expect(inversions).toEqual([]);
  let state = model.init();
  for (const id of order) {
    const o = byId.get(id)!;
    const step = model.step(state, o.input, o.output);
    expect(step.ok).toBe(true);
    state = step.state;
  }
}

describe("checkLinearizability: linearizable histories are accepted", () => {
  it("register: a read overlapping a write may see either value", () => {
    const model = registerModel(0);
    for (const seen of [0, 1]) {
      const history = [
        op(1, { op: "write" as const, value: 1 }, undefined, 1, 4),
        op(2, { op: "read" as const }, seen, 2, 3),
        op(2, { op: "read" as const }, 1, 5, 6),
      ];
      const result = checkLinearizability(model, history);
      expect(result.result).toBe("ok");
      if (result.result === "ok") expectValidLinearization(model, history, result.linearization);
    }
  });

  it("queue: concurrent enqueues may be dequeued in either order", () => {
    const model = queueModel<string>();
    const history = [
      op(1, { op: "enqueue" as const, value: "a" }, undefined, 1, 5),
      op(2, { op: "enqueue" as const, value: "b" }, undefined, 2, 4),
      op(3, { op: "dequeue" as const }, "b", 6, 7),
      op(3, { op: "dequeue" as const }, "a", 8, 9),
      op(3, { op: "dequeue" as const }, null, 10, 11),
    ];
    const result = checkLinearizability(model, history);
    expect(result.result).toBe("ok");
    if (result.result === "ok") expectValidLinearization(model, history, result.linearization);
  });

  it("stack, counter, set and map accept correct concurrent runs", () => {
    const stack = stackModel<number>();
    const stackHistory = [
      op(1, { op: "push" as const, value: 1 }, undefined, 1, 2),
      op(1, { op: "push" as const, value: 2 }, undefined, 3, 6),
      op(2, { op: "pop" as const }, 1, 4, 5), // overlaps push(2): may go first
      op(2, { op: "pop" as const }, 2, 7, 8),
    ];
    expect(checkLinearizability(stack, stackHistory).result).toBe("ok");

    const counter = counterModel();
    const counterHistory = [
      op(1, { op: "increment" as const }, undefined, 1, 3),
      op(2, { op: "increment" as const, by: 5 }, 6, 2, 4),
      op(3, { op: "get" as const }, 6, 5, 6),
    ];
    expect(checkLinearizability(counter, counterHistory).result).toBe("ok");

    const set = setModel();
    const setHistory = [
      op(1, { op: "add" as const, value: "x" }, true, 1, 4),
      op(2, { op: "add" as const, value: "x" }, false, 2, 5),
      op(3, { op: "contains" as const, value: 7 }, false, 3, 6),
      op(3, { op: "remove" as const, value: "x" }, true, 7, 8),
    ];
    expect(checkLinearizability(set, setHistory).result).toBe("ok");

    const map = mapModel<number>();
    const mapHistory = [
      op(1, { op: "put" as const, key: "k", value: 1 }, undefined, 1, 3),
      op(2, { op: "get" as const, key: "k" }, null, 2, 4),
      op(2, { op: "get" as const, key: "k" }, 1, 5, 6),
      op(1, { op: "delete" as const, key: "k" }, 1, 7, 8),
      op(2, { op: "get" as const, key: "k" }, null, 9, 10),
    ];
    const result = checkLinearizability(map, mapHistory);
    expect(result.result).toBe("ok");
    if (result.result === "ok") expectValidLinearization(map, mapHistory, result.linearization);
  });

  it("an empty history is linearizable", () => {
    expect(checkLinearizability(registerModel(0), [])).toEqual({ result: "ok", linearization: [] });
  });

  it("seeded 200-operation histories over 4 threads are accepted with a valid linearization", () => {
    for (const seed of [1, 2, 3]) {
      const queue = simulateHistory(queueSimulation(), { seed, threads: 4, operations: 200 });
      const q = checkLinearizability(queueModel<number>(), queue);
      expect(q.result).toBe("ok");
      if (q.result === "ok") expectValidLinearization(queueModel<number>(), queue, q.linearization);
      const map = simulateHistory(mapSimulation(8), { seed, threads: 4, operations: 200 });
      const m = checkLinearizability(mapModel<number>(), map);
      expect(m.result).toBe("ok");
      if (m.result === "ok") expectValidLinearization(mapModel<number>(), map, m.linearization);
    }
  });
});

describe("checkLinearizability: classic non-linearizable histories are rejected, minimally", () => {
  it("stale read after a completed write", () => {
    const noise = [
      op(3, { op: "read" as const }, 0, 0, 1),
      op(3, { op: "read" as const }, 1, 5, 9),
      op(1, { op: "write" as const, value: 2 }, undefined, 10, 11),
      op(3, { op: "read" as const }, 2, 12, 13),
    ];
    const write = op(1, { op: "write" as const, value: 1 }, undefined, 2, 3);
    const stale = op(2, { op: "read" as const }, 0, 4, 6);
    const result = checkLinearizability(registerModel(0), [...noise, write, stale]);
    expect(result.result).toBe("illegal");
    if (result.result !== "illegal") return;
    expect(result.minimal).toEqual([write, stale]);
    expect(result.explanation).toContain("register");
    expect(result.explanation).toContain("thread 1 write(1) (time 2–3)");
    expect(result.explanation).toContain("thread 2 read() → 0 (time 4–6)");
  });

  it("a dequeue returning a value never enqueued", () => {
    const model = queueModel<number>();
    const bogus = op(2, { op: "dequeue" as const }, 42, 5, 7);
    const history = [
      op(1, { op: "enqueue" as const, value: 1 }, undefined, 1, 2),
      op(1, { op: "enqueue" as const, value: 2 }, undefined, 3, 6),
      op(2, { op: "dequeue" as const }, 1, 4, 8),
      bogus,
      op(3, { op: "dequeue" as const }, 2, 9, 10),
    ];
    const result = checkLinearizability(model, history);
    expect(result.result).toBe("illegal");
    if (result.result !== "illegal") return;
    expect(result.minimal).toEqual([bogus]);
    expect(result.explanation).toContain("No correct FIFO queue doing one operation at a time explains this operation");
    expect(result.explanation).toContain("dequeue() → 42");
  });

  it("a lost increment", () => {
    const a = op(1, { op: "increment" as const }, undefined, 1, 4);
    const b = op(2, { op: "increment" as const }, undefined, 2, 3);
    const get = op(3, { op: "get" as const }, 1, 5, 6);
    const history = [
      op(3, { op: "get" as const }, 0, 0, 1),
      a,
      b,
      get,
      op(1, { op: "increment" as const }, undefined, 7, 8),
    ];
    const result = checkLinearizability(counterModel(), history);
    expect(result).toMatchObject({ result: "illegal", minimal: [a, b, get] });
  });

  it("FIFO order violated by sequential operations; stack LIFO violated", () => {
    const e1 = op(1, { op: "enqueue" as const, value: 1 }, undefined, 1, 2);
    const e2 = op(1, { op: "enqueue" as const, value: 2 }, undefined, 3, 4);
    const d = op(2, { op: "dequeue" as const }, 2, 5, 6);
    expect(checkLinearizability(queueModel<number>(), [e1, e2, d])).toMatchObject({
      result: "illegal",
      minimal: [e1, e2, d],
    });
    const p1 = op(1, { op: "push" as const, value: 1 }, undefined, 1, 2);
    const p2 = op(1, { op: "push" as const, value: 2 }, undefined, 3, 4);
    const pop = op(2, { op: "pop" as const }, 1, 5, 6);
    expect(checkLinearizability(stackModel<number>(), [p1, p2, pop])).toMatchObject({
      result: "illegal",
      minimal: [p1, p2, pop],
    });
  });

  it("a corrupted 200-operation queue history shrinks to a handful of operations", () => {
    const history = corruptQueue(simulateHistory(queueSimulation(), { seed: 7, threads: 4, operations: 200 }));
    const result = checkLinearizability(queueModel<number>(), history);
    expect(result.result).toBe("illegal");
    if (result.result !== "illegal") return;
    expect(result.minimal).toHaveLength(1);
    expect(result.minimal[0].output).toBe(-1);
    // The minimal sub-history is itself illegal, and removing any one operation fixes it.
    const minimal = result.minimal;
    expect(checkLinearizability(queueModel<number>(), minimal).result).toBe("illegal");
  });

  it("shrinking never blames an operation whose justification it removed", () => {
    // dequeue() → 22 alone is illegal ("22 was never enqueued"), but that is not the bug.
    const e22 = op(1, { op: "enqueue" as const, value: 22 }, undefined, 1, 2);
    const e5 = op(1, { op: "enqueue" as const, value: 5 }, undefined, 3, 4);
    const d22 = op(2, { op: "dequeue" as const }, 22, 5, 6);
    const dBad = op(3, { op: "dequeue" as const }, 22, 7, 8); // 22 dequeued twice
    const d5 = op(2, { op: "dequeue" as const }, 5, 9, 10);
    const result = checkLinearizability(queueModel<number>(), [e22, e5, d22, dBad, d5]);
    expect(result).toMatchObject({ result: "illegal", minimal: [e22, d22, dBad] });
  });

  it("without a refuter, the shrinker itself keeps the operations a result depends on", () => {
    const model = { ...queueModel<number>(), refute: undefined };
    const e22 = op(1, { op: "enqueue" as const, value: 22 }, undefined, 1, 2);
    const e5 = op(1, { op: "enqueue" as const, value: 5 }, undefined, 3, 4);
    const d22 = op(2, { op: "dequeue" as const }, 22, 5, 6);
    const dBad = op(3, { op: "dequeue" as const }, 22, 7, 8);
    const d5 = op(2, { op: "dequeue" as const }, 5, 9, 10);
    const result = checkLinearizability(model, [e22, e5, d22, dBad, d5]);
    expect(result.result).toBe("illegal");
    if (result.result !== "illegal") return;
    // Never "dequeue() → 22" alone: the enqueue that explains it stays.
    expect(result.minimal).toContain(e22);
    expect(result.minimal).toContain(dBad);
    expect(result.minimal.length).toBeLessThanOrEqual(4);
  });

  it("a lost update on a map is explained with the writes it needs", () => {
    const model = mapModel<number>();
    const put1 = op(1, { op: "put" as const, key: "hits", value: 1 }, undefined, 1, 2);
    const put2 = op(2, { op: "put" as const, key: "hits", value: 2 }, undefined, 3, 4);
    const stale = op(3, { op: "get" as const, key: "hits" }, 1, 5, 6);
    const noise = [
      op(4, { op: "put" as const, key: "other", value: 9 }, undefined, 0, 8),
      op(4, { op: "get" as const, key: "other" }, 9, 9, 10),
      op(1, { op: "get" as const, key: "hits" }, 2, 11, 12),
    ];
    const result = checkLinearizability(model, [...noise, put1, put2, stale]);
    expect(result).toMatchObject({ result: "illegal", minimal: [put1, put2, stale] });
    if (result.result === "illegal") {
      expect(result.explanation).toContain('put("hits", 1)');
      expect(result.explanation).toContain('get("hits") → 1');
    }
  });
});

describe("queue bad patterns (Henzinger et al., CONCUR 2013)", () => {
  const enq = (t: number, value: number, call: number, ret: number) =>
    op(t, { op: "enqueue" as const, value }, undefined, call, ret);
  const deq = (t: number, value: number | null | undefined, call: number, ret: number) =>
    op(t, { op: "dequeue" as const }, value, call, ret);

  it("fresh: dequeued before it was enqueued", () => {
    const d = deq(2, 7, 1, 2);
    const e = enq(1, 7, 3, 4);
    expect(checkLinearizability(queueModel<number>(), [d, e])).toMatchObject({ result: "illegal", minimal: [d, e] });
  });

  it("order: enqueued x then y, but y came out first", () => {
    const ex = enq(1, 1, 1, 2);
    const ey = enq(1, 2, 3, 4);
    const dy = deq(2, 2, 5, 6);
    const dx = deq(2, 1, 7, 8);
    const result = checkLinearizability(queueModel<number>(), [ex, ey, dy, dx]);
    expect(result).toMatchObject({ result: "illegal" });
    if (result.result === "illegal") expect(result.minimal.slice(0, 3)).toEqual([ex, ey, dy]);
  });

  it("empty: a dequeue saw an empty queue while a value was surely inside", () => {
    const e = enq(1, 1, 1, 2);
    const empty = deq(2, null, 3, 4);
    const d = deq(2, 1, 5, 6);
    expect(checkLinearizability(queueModel<number>(), [e, empty, d])).toMatchObject({
      result: "illegal",
      minimal: [e, empty, d],
    });
    // Overlapping the enqueue, empty is fine.
    const early = deq(2, null, 1, 4);
    expect(checkLinearizability(queueModel<number>(), [e, early, d]).result).toBe("ok");
  });

  it("stays sound with unobserved dequeues and duplicate values (the search decides)", () => {
    // y came out while x is never seen dequeued — but an unobserved dequeue may have taken x.
    const history = [enq(1, 1, 1, 2), enq(1, 2, 3, 4), deq(2, undefined, 5, 6), deq(2, 2, 7, 8)];
    expect(checkLinearizability(queueModel<number>(), history).result).toBe("ok");
    // The same value enqueued twice may be dequeued twice.
    const twice = [enq(1, 5, 1, 2), enq(1, 5, 3, 4), deq(2, 5, 5, 6), deq(2, 5, 7, 8)];
    expect(checkLinearizability(queueModel<number>(), twice).result).toBe("ok");
  });

  it("the patterns and the plain search agree on seeded histories", () => {
    const plain = { ...queueModel<number>(), refute: undefined, prioritize: undefined };
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const history = simulateHistory(queueSimulation(), { seed, threads: 3, operations: 30 });
      for (const h of [history, corruptQueue(history)]) {
        expect(checkLinearizability(queueModel<number>(), h).result).toBe(checkLinearizability(plain, h).result);
      }
    }
  });
});

describe("checkLinearizability: budget, partitions, input errors", () => {
  it("running out of budget gives unknown, never ok", () => {
    const history = simulateHistory(queueSimulation(), { seed: 3, threads: 4, operations: 200 });
    const result = checkLinearizability(queueModel<number>(), history, { maxSteps: 50 });
    expect(result.result).toBe("unknown");
    if (result.result === "unknown") expect(result.reason).toContain("50 steps");
    const partitioned = simulateHistory(mapSimulation(8), { seed: 3, threads: 4, operations: 200 });
    expect(checkLinearizability(mapModel<number>(), partitioned, { maxSteps: 50 }).result).toBe("unknown");
  });

  it("a shrink that runs out of budget still returns an illegal sub-history", () => {
    const history = corruptMap(simulateHistory(mapSimulation(2), { seed: 5, threads: 4, operations: 60 }));
    const full = checkLinearizability(mapModel<number>(), history);
    const starved = checkLinearizability(mapModel<number>(), history, { maxShrinkSteps: 0 });
    expect(full.result).toBe("illegal");
    expect(starved.result).toBe("illegal");
    if (full.result !== "illegal" || starved.result !== "illegal") return;
    expect(starved.minimal.length).toBeGreaterThanOrEqual(full.minimal.length);
    expect(checkLinearizability({ ...mapModel<number>(), partition: undefined }, starved.minimal).result).toBe(
      "illegal",
    );
  });

  it("memoization keeps many fully concurrent operations tractable", () => {
    // 14 increments all overlapping, then a get that misses one: 14! orders, 2^14 memo states.
    const incs = Array.from({ length: 14 }, (_, t) => op(t, { op: "increment" as const }, undefined, t, 100 + t));
    const get = op(99, { op: "get" as const }, 13, 200, 201);
    const result = checkLinearizability(counterModel(), [...incs, get], {
      maxSteps: 2_000_000,
      maxShrinkSteps: 2_000_000,
    });
    expect(result.result).toBe("illegal");
    if (result.result === "illegal") expect(result.minimal).toHaveLength(15);
  });

  it("partitioning gives the same answer as checking the whole history", () => {
    const models = [mapModel<number>(), setModel()] as Model<unknown, unknown, unknown>[];
    const histories: Operation<unknown, unknown>[][] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const map = simulateHistory(mapSimulation(3), { seed, threads: 4, operations: 40 });
      histories.push(map as Operation<unknown, unknown>[], corruptMap(map) as Operation<unknown, unknown>[]);
    }
    for (const history of histories) {
      const model = models[0];
      const whole: Model<unknown, unknown, unknown> = { ...model, partition: undefined };
      const a = checkLinearizability(model, history);
      const b = checkLinearizability(whole, history);
      expect(a.result).toBe(b.result);
      expect(a.result).not.toBe("unknown");
    }
    // And on a set history with a wrong `contains`.
    const set = setModel();
    const setHistory = [
      op(1, { op: "add" as const, value: 1 }, true, 1, 2),
      op(2, { op: "add" as const, value: 2 }, true, 1, 3),
      op(3, { op: "contains" as const, value: 1 }, false, 4, 5),
      op(3, { op: "contains" as const, value: 2 }, true, 6, 7),
    ];
    const partitionedResult = checkLinearizability(set, setHistory);
    const wholeResult = checkLinearizability({ ...set, partition: undefined }, setHistory);
    expect(partitionedResult.result).toBe("illegal");
    expect(wholeResult.result).toBe("illegal");
    if (partitionedResult.result === "illegal" && wholeResult.result === "illegal") {
      expect(partitionedResult.minimal).toEqual(wholeResult.minimal);
      expect(partitionedResult.minimal).toHaveLength(2);
    }
  });

  it("a malformed history is a harness error with a code", () => {
    const bad = [op(1, { op: "read" as const }, 0, 5, 5)];
    expect(() => checkLinearizability(registerModel(0), bad)).toThrow(LinearizabilityInputError);
    try {
      checkLinearizability(registerModel(0), bad);
    } catch (error) {
      expect((error as LinearizabilityInputError).code).toBe("invalid-history");
    }
  });

  it("is deterministic: the same history gives the same answer and linearization", () => {
    const history = simulateHistory(mapSimulation(4), { seed: 9, threads: 4, operations: 120 });
    expect(checkLinearizability(mapModel<number>(), history)).toEqual(
      checkLinearizability(mapModel<number>(), history),
    );
  });
});
