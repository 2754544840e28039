// The wait-for analysis on hand-built thread states (the programs that reach these states
// run in core.test.ts and the primitives' tests): where it must find a cycle and where not.

import { describe, expect, it } from "vitest";
import { describeDeadlock, findCycle, type WaitingThread } from "./wait-for";

interface Fake {
  name: string;
  state: string;
  loop: { name: string; holder: Fake | null } | null;
  wait: { op: string; target: string; holder?: () => Fake | null | undefined; waitsFor?: () => string } | null;
  waitSite: { file?: string; line?: number } | undefined;
}

function thread(name: string, state = "blocked"): Fake {
  return { name, state, loop: null, wait: null, waitSite: undefined };
}

function waitsOn(t: Fake, op: string, target: string, holder: Fake | null, line?: number): void {
  t.wait = { op, target, holder: () => holder };
  t.waitSite = line === undefined ? undefined : { file: "program.ts", line };
}

describe("findCycle / describeDeadlock", () => {
  it("must fire: two threads each holding the lock the other waits for", () => {
    const a = thread("T1");
    const b = thread("T2");
    waitsOn(a, "acquire", "L2", b, 7);
    waitsOn(b, "acquire", "L1", a, 12);
    expect(findCycle([a, b])).toEqual(["T1", "T2"]);
    const report = describeDeadlock([a, b], []);
    expect(report.cycle).toEqual(["T1", "T2"]);
    expect(report.message).toBe(
      "Deadlock: T1 → T2 → T1 wait for each other in a cycle. T1 waits in acquire(L2) at line 7, held by T2; T2 waits in acquire(L1) at line 12, held by T1.",
    );
    expect(report.waits).toEqual([
      { thread: "T1", op: "acquire", target: "L2", holder: "T2", file: "program.ts", line: 7 },
      { thread: "T2", op: "acquire", target: "L1", holder: "T1", file: "program.ts", line: 12 },
    ]);
  });

  it("must fire: a thread waiting for a lock it holds itself (a cycle of one)", () => {
    const a = thread("main");
    waitsOn(a, "acquire", "L", a, 3);
    expect(describeDeadlock([a], []).message).toMatch(/^Deadlock: main waits for a lock it already holds/);
  });

  it("must fire: asyncio tasks, a ready task waiting for the holder of its event loop", () => {
    const loop: { name: string; holder: Fake | null } = { name: "loop", holder: null };
    const holder = thread("task-1");
    const ready = thread("task-2", "runnable");
    ready.loop = loop;
    loop.holder = holder;
    waitsOn(holder, "join", "task-2", ready);
    expect(findCycle([holder, ready])).toEqual(["task-1", "task-2"]);
    expect(describeDeadlock([holder, ready], []).waits[1]).toMatchObject({ op: "event loop", target: "loop" });
  });

  it("must stay quiet: blocked threads with no cycle (waiting on an event nobody sets), with the dead task noted", () => {
    const a = thread("T1");
    const b = thread("T2");
    waitsOn(a, "wait", "ready", null);
    waitsOn(b, "join", "T1", a, 9);
    const live: WaitingThread[] = [a, b];
    expect(findCycle(live)).toBeNull();
    const report = describeDeadlock(live, ["T3 had already ended with ValueError: boom"]);
    expect(report.cycle).toBeUndefined();
    expect(report.message).toBe(
      "Deadlock: every live thread is blocked and nothing left running can wake them. T1 waits in wait(ready); T2 waits for T1 to end (line 9). Note: T3 had already ended with ValueError: boom.",
    );
  });

  it("must stay quiet: a chain that ends at a running thread is not a cycle", () => {
    const a = thread("T1");
    const b = thread("T2", "runnable");
    waitsOn(a, "acquire", "L", b);
    expect(findCycle([a, b])).toBeNull();
  });
});
