import { describe, expect, it } from "vitest";
import { LockOrderGraph, type HeldLock, type LockRef, type PotentialDeadlock } from "./lock-order";

// A tiny driver that keeps each thread's held stack, as the runtime will.
function program() {
  const graph = new LockOrderGraph();
  const held = new Map<number, HeldLock[]>();
  const names = new Map<number, string>();
  const reports: PotentialDeadlock[] = [];
  let step = 0;
  const lock = (name: string): LockRef => ({ key: { name }, name });
  return {
    graph,
    reports,
    lock,
    thread(id: number, name: string) {
      names.set(id, name);
      held.set(id, []);
    },
    acquire(thread: number, l: LockRef, line?: number, options?: { blocking?: boolean }) {
      const site = { line, step: step++, threadName: names.get(thread)! };
      const stack = held.get(thread)!;
      const report = graph.onAcquire(thread, l, site, stack.slice(), options);
      if (report) reports.push(report);
      stack.push({ ...l, site });
    },
    release(thread: number, l: LockRef) {
      const stack = held.get(thread)!;
      const i = stack.map((h) => h.key).lastIndexOf(l.key);
      stack.splice(i, 1);
    },
  };
}

describe("LockOrderGraph", () => {
  it("AB/BA inversion between two threads fires, naming both edges and sites", () => {
    const p = program();
    const a = p.lock("a");
    const b = p.lock("b");
    p.thread(1, "T1");
    p.thread(2, "T2");
    // The run never deadlocks: T1 finishes before T2 starts.
    p.acquire(1, a, 10);
    p.acquire(1, b, 11);
    p.release(1, b);
    p.release(1, a);
    p.acquire(2, b, 20);
    p.acquire(2, a, 21);
    expect(p.reports).toHaveLength(1);
    const [report] = p.reports;
    expect(report.cycle).toMatchObject([
      { threadName: "T2", held: { lock: "b", site: { line: 20 } }, acquired: { lock: "a", site: { line: 21 } } },
      { threadName: "T1", held: { lock: "a", site: { line: 10 } }, acquired: { lock: "b", site: { line: 11 } } },
    ]);
    expect(report.explanation).toContain("'b' → 'a' → 'b'");
    expect(report.explanation).toContain("thread 'T1' takes 'b' (line 11) while holding 'a' (line 10)");
    expect(p.graph.lockKey(report.cycle[0].held.lockId)).toBe(b.key);
    // The same cycle is not reported again.
    p.release(2, a);
    p.release(2, b);
    p.acquire(2, b, 20);
    p.acquire(2, a, 21);
    expect(p.reports).toHaveLength(1);
    expect(p.graph.deadlocks).toHaveLength(1);
  });

  it("a consistent order stays quiet", () => {
    const p = program();
    const locks = [p.lock("a"), p.lock("b"), p.lock("c")];
    for (const t of [1, 2, 3]) p.thread(t, `T${t}`);
    for (let round = 0; round < 3; round++) {
      for (const t of [1, 2, 3]) {
        for (const l of locks) p.acquire(t, l);
        for (const l of [...locks].reverse()) p.release(t, l);
      }
    }
    expect(p.reports).toEqual([]);
  });

  it("three-lock cycle A→B, B→C, C→A fires (dining philosophers)", () => {
    const p = program();
    const [a, b, c] = [p.lock("fork0"), p.lock("fork1"), p.lock("fork2")];
    const seats: [number, typeof a, typeof a][] = [
      [1, a, b],
      [2, b, c],
      [3, c, a],
    ];
    for (const [t, left, right] of seats) {
      p.thread(t, `philosopher${t}`);
      p.acquire(t, left, 5);
      p.acquire(t, right, 6);
      p.release(t, right);
      p.release(t, left);
    }
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0].cycle.map((e) => [e.threadName, e.held.lock, e.acquired.lock])).toEqual([
      ["philosopher3", "fork2", "fork0"],
      ["philosopher1", "fork0", "fork1"],
      ["philosopher2", "fork1", "fork2"],
    ]);
  });

  it("a cycle guarded by a common gate lock stays quiet", () => {
    const p = program();
    const gate = p.lock("gate");
    const a = p.lock("a");
    const b = p.lock("b");
    p.thread(1, "T1");
    p.thread(2, "T2");
    for (const [t, first, second] of [
      [1, a, b],
      [2, b, a],
    ] as const) {
      p.acquire(t, gate);
      p.acquire(t, first);
      p.acquire(t, second);
      p.release(t, second);
      p.release(t, first);
      p.release(t, gate);
    }
    expect(p.reports).toEqual([]);
  });

  it("the gate must be held by the threads of the cycle: one unguarded thread makes it fire", () => {
    const p = program();
    const gate = p.lock("gate");
    const a = p.lock("a");
    const b = p.lock("b");
    p.thread(1, "T1");
    p.thread(2, "T2");
    p.thread(3, "T3");
    p.acquire(1, gate);
    p.acquire(1, a);
    p.acquire(1, b);
    p.release(1, b);
    p.release(1, a);
    p.release(1, gate);
    p.acquire(2, gate);
    p.acquire(2, b);
    p.acquire(2, a); // guarded: T1 and T2 cannot deadlock…
    p.release(2, a);
    p.release(2, b);
    p.release(2, gate);
    expect(p.reports).toEqual([]);
    p.acquire(3, b, 30);
    p.acquire(3, a, 31); // …but T1 and T3 can
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0].cycle.map((e) => e.threadName).sort()).toEqual(["T1", "T3"]);
  });

  it("a single-thread inversion stays quiet", () => {
    const p = program();
    const a = p.lock("a");
    const b = p.lock("b");
    p.thread(1, "T1");
    p.acquire(1, a);
    p.acquire(1, b);
    p.release(1, b);
    p.release(1, a);
    p.acquire(1, b);
    p.acquire(1, a);
    expect(p.reports).toEqual([]);
  });

  it("a three-lock cycle needing the same thread twice stays quiet", () => {
    const p = program();
    const [a, b, c] = [p.lock("a"), p.lock("b"), p.lock("c")];
    p.thread(1, "T1");
    p.thread(2, "T2");
    p.acquire(1, a);
    p.acquire(1, b); // T1: a→b
    p.release(1, b);
    p.release(1, a);
    p.acquire(2, b);
    p.acquire(2, c); // T2: b→c
    p.release(2, c);
    p.release(2, b);
    p.acquire(1, c);
    p.acquire(1, a); // T1: c→a — the cycle needs T1 in two places at once
    expect(p.reports).toEqual([]);
  });

  it("RLock re-entry adds no edge", () => {
    const p = program();
    const r = p.lock("rlock");
    const a = p.lock("a");
    p.thread(1, "T1");
    p.thread(2, "T2");
    p.acquire(1, r);
    p.acquire(1, a);
    p.acquire(1, r); // re-entry while holding a: no a→rlock edge
    p.release(1, r);
    p.release(1, a);
    p.release(1, r);
    p.acquire(2, r);
    p.acquire(2, r);
    expect(p.reports).toEqual([]);
    p.acquire(2, a); // rlock→a again: same order, quiet
    expect(p.reports).toEqual([]);
  });

  it("a non-blocking try-lock cannot close a deadlock", () => {
    const p = program();
    const a = p.lock("a");
    const b = p.lock("b");
    p.thread(1, "T1");
    p.thread(2, "T2");
    p.acquire(1, a);
    p.acquire(1, b);
    p.release(1, b);
    p.release(1, a);
    p.acquire(2, b);
    p.acquire(2, a, undefined, { blocking: false });
    expect(p.reports).toEqual([]);
  });

  it("finds the inversion whichever thread recorded the first edge, with other threads sharing it", () => {
    const p = program();
    const a = p.lock("a");
    const b = p.lock("b");
    for (const t of [1, 2, 3]) p.thread(t, `T${t}`);
    // T1 does both orders (alone it is fine); T2 repeats a→b; T3 repeats b→a.
    p.acquire(1, a);
    p.acquire(1, b);
    p.release(1, b);
    p.release(1, a);
    p.acquire(1, b);
    p.acquire(1, a);
    p.release(1, a);
    p.release(1, b);
    expect(p.reports).toEqual([]);
    p.acquire(2, a);
    p.acquire(2, b);
    expect(p.reports).toHaveLength(1);
    expect(p.reports[0].cycle.map((e) => e.threadName)).toEqual(["T2", "T1"]);
  });

  it("stays fast on many threads taking many locks in random orders", () => {
    const p = program();
    const locks = Array.from({ length: 12 }, (_, i) => p.lock(`L${i}`));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 40; t++) {
      p.thread(t, `T${t}`);
      for (let round = 0; round < 20; round++) {
        const order = [...locks].sort(() => random() - 0.5).slice(0, 3);
        for (const l of order) p.acquire(t, l);
        for (const l of [...order].reverse()) p.release(t, l);
      }
    }
    expect(p.reports.length).toBeGreaterThan(0);
    for (const r of p.reports) {
      expect(new Set(r.cycle.map((e) => e.thread)).size).toBe(r.cycle.length);
      r.cycle.forEach((e, i) => expect(e.acquired.lockId).toBe(r.cycle[(i + 1) % r.cycle.length].held.lockId));
    }
  }, 5_000);
});
