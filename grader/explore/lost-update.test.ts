// Issue 14: a race's timeline shows the lost update — the two reads of one value, then both
// writes, adjacent — on a real schedule that `replay --schedule --no-detectors` gives back.

import { describe, expect, it } from "vitest";
import { exploreSource, program, runOnce } from "../testing";
import { hashTrace } from "./explore";
import { lostUpdateAt } from "./lost-update";

const counter = (locked: boolean) =>
  program(`
  const counter = new Shared(0, "counter");
  const lock = new Lock("lock");
  const add = async () => {
    for (let i = 0; i < 3; i++) {
      ${locked ? "await lock.acquire();" : ""}
      const v = await counter.get();
      await counter.set(v + 1);
      ${locked ? "lock.release();" : ""}
    }
  };
  const t1 = spawn(add, "Thread-1");
  const t2 = spawn(add, "Thread-2");
  await t1.join();
  await t2.join();
  const total = await counter.get();
  assert(total === 6, "expected 6, got " + total);
`);

describe("the lost update of a data race", () => {
  it("the shared-counter race shows read(T1) read(T2) write write, adjacent, with the values", () => {
    const report = exploreSource(counter(false), { strategy: "rr", runs: 1 });
    const f = report.failure!;
    expect(f.kind).toBe("data-race");
    const lost = f.lostUpdate!;
    expect(lost, "a lost-update schedule is found").toBeDefined();
    const [r1, r2, w1, w2] = lost.steps.map((i) => lost.trace[i]!);
    expect([r1.op, r2.op, w1.op, w2.op]).toEqual(["get", "get", "set", "set"]);
    expect(r1.thread).not.toBe(r2.thread);
    expect([w1.thread, w2.thread]).toEqual([r1.thread, r2.thread]);
    expect(r1.value).toBe(r2.value);
    // Both write the value read + 1: the second overwrites the first.
    expect(w1.value).toBe(String(Number(r1.value) + 1));
    expect(w2.value).toBe(w1.value);
    // Causal order: the program's own failure comes after the accesses.
    const failAt = lost.trace.findIndex((e) => e.op === "fail");
    expect(failAt).toBeGreaterThan(lost.steps[3]);
    expect(lost.message).toMatch(/expected 6, got [0-5]/);
  });

  it("is a real schedule: replaying its decisions with the detectors off gives the same trace", () => {
    const lost = exploreSource(counter(false), { strategy: "rr", runs: 1 }).failure!.lostUpdate!;
    const again = runOnce(counter(false), {
      strategy: "guided",
      guide: lost.decisions,
      seed: 0,
      detectRaces: false,
      detectLockOrder: false,
    });
    expect(hashTrace(again.trace!)).toBe(lost.traceHash);
  });

  it("is not made up where there is no race: a locked counter passes and has none", () => {
    const report = exploreSource(counter(true), { runs: 50 });
    expect(report.verdict).toBe("passed");
    expect(report.failure).toBeUndefined();
  });

  it("lostUpdateAt needs both reads of one value, then the writes in the same order, adjacent", () => {
    const e = (thread: string, op: string, value: string) => ({ step: 0, thread, op, target: "c", value, time: 0 });
    expect(lostUpdateAt([e("A", "get", "0"), e("B", "get", "0"), e("A", "set", "1"), e("B", "set", "1")], "c")).toEqual(
      [0, 1, 2, 3],
    );
    expect(
      lostUpdateAt([e("A", "get", "0"), e("B", "get", "1"), e("A", "set", "1"), e("B", "set", "2")], "c"),
    ).toBeNull();
    expect(
      lostUpdateAt([e("A", "get", "0"), e("A", "set", "1"), e("B", "get", "1"), e("B", "set", "2")], "c"),
    ).toBeNull();
    expect(
      lostUpdateAt([e("A", "get", "0"), e("B", "get", "0"), e("A", "set", "1"), e("B", "set", "1")], "d"),
    ).toBeNull();
  });
});
