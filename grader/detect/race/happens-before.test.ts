import { describe, expect, it } from "vitest";
import { describeRace, HappensBefore, type DataRace } from "./happens-before";

// Traces are written as the scheduler would emit them: one call per scheduling point, in
// the order this schedule ran them. Thread 0 is main. Most traces run each thread to
// completion before the next (the `rr` baseline) — the race must still be found.
const MAIN = 0;
const T1 = 1;
const T2 = 2;
const T3 = 3;
const NAMES = ["main", "T1", "T2", "T3"];

interface Cell {
  name: string;
}

function trace() {
  const hb = new HappensBefore();
  hb.fork(null, MAIN);
  let step = 0;
  const races: DataRace[] = [];
  const note = (race: DataRace | null) => {
    if (race) races.push(race);
  };
  return {
    hb,
    races,
    cell: (name: string): Cell => ({ name }),
    read(t: number, cell: Cell, line?: number) {
      note(hb.read(t, cell, { thread: t, threadName: NAMES[t], op: "read", target: cell.name, line, step: step++ }));
    },
    write(t: number, cell: Cell, line?: number) {
      note(hb.write(t, cell, { thread: t, threadName: NAMES[t], op: "write", target: cell.name, line, step: step++ }));
    },
    spawn(child: number) {
      hb.fork(MAIN, child);
    },
    joinAll(...threads: number[]) {
      for (const t of threads) hb.join(MAIN, t);
    },
  };
}

describe("HappensBefore: properly synchronized programs stay quiet", () => {
  it("lock-protected counter", () => {
    const p = trace();
    const counter = p.cell("counter");
    const lock = {};
    p.spawn(T1);
    p.spawn(T2);
    // Interleaved increments, each inside the lock.
    for (let i = 0; i < 3; i++) {
      for (const t of [T1, T2]) {
        p.hb.acquire(t, lock);
        p.read(t, counter, 10);
        p.write(t, counter, 10);
        p.hb.release(t, lock);
      }
    }
    p.joinAll(T1, T2);
    p.read(MAIN, counter, 20);
    expect(p.races).toEqual([]);
    expect(p.hb.races).toEqual([]);
  });

  it("fork/join publication", () => {
    const p = trace();
    const data = p.cell("data");
    p.write(MAIN, data, 1); // before start: published to the child
    p.spawn(T1);
    p.read(T1, data, 5);
    p.write(T1, data, 6);
    p.joinAll(T1);
    p.read(MAIN, data, 9); // after join: sees the child's write
    p.write(MAIN, data, 10);
    expect(p.races).toEqual([]);
  });

  it("event publication", () => {
    const p = trace();
    const data = p.cell("data");
    const ready = {};
    p.spawn(T1);
    p.spawn(T2);
    p.write(T1, data, 3);
    p.hb.release(T1, ready); // Event.set
    p.hb.acquire(T2, ready); // Event.wait returns true
    p.read(T2, data, 8);
    p.write(T2, data, 9);
    expect(p.races).toEqual([]);
  });

  it("semaphore hand-off", () => {
    const p = trace();
    const data = p.cell("slot");
    const sem = {};
    p.spawn(T1);
    p.spawn(T2);
    p.write(T1, data, 3);
    p.hb.release(T1, sem); // Semaphore.release
    p.hb.acquire(T2, sem); // Semaphore.acquire
    p.write(T2, data, 7);
    p.hb.release(T2, sem);
    p.hb.acquire(T1, sem);
    p.read(T1, data, 4);
    expect(p.races).toEqual([]);
  });

  it("queue put→get message passing", () => {
    const p = trace();
    const queue = {};
    const items = [p.cell("item[0]"), p.cell("item[1]"), p.cell("item[2]")];
    p.spawn(T1);
    p.spawn(T2);
    for (const item of items) {
      p.write(T1, item, 4); // producer fills the buffer cell…
      p.hb.release(T1, queue); // …then Queue.put
    }
    for (const item of items) {
      p.hb.acquire(T2, queue); // Queue.get
      p.read(T2, item, 12);
      p.write(T2, item, 13);
    }
    expect(p.races).toEqual([]);
  });

  it("barrier phases", () => {
    const p = trace();
    const barrier = {};
    const slots = [p.cell("slot[0]"), p.cell("slot[1]"), p.cell("slot[2]")];
    const workers = [T1, T2, T3];
    for (const t of workers) p.spawn(t);
    for (let phase = 0; phase < 3; phase++) {
      workers.forEach((t, i) => p.write(t, slots[i], 5)); // each writes its own slot
      for (const t of workers) p.hb.release(t, barrier); // arrive
      for (const t of workers) p.hb.acquire(t, barrier); // depart
      for (const t of workers) for (const s of slots) p.read(t, s, 7); // everyone reads all
      for (const t of workers) p.hb.release(t, barrier);
      for (const t of workers) p.hb.acquire(t, barrier);
    }
    expect(p.races).toEqual([]);
  });

  it("atomic flag publishes plain data", () => {
    const p = trace();
    const data = p.cell("data");
    const flag = {};
    p.spawn(T1);
    p.spawn(T2);
    p.hb.atomic(T2, flag); // spin: load sees 0
    p.write(T1, data, 3);
    p.hb.atomic(T1, flag); // store(1)
    p.hb.atomic(T2, flag); // load sees 1
    p.read(T2, data, 9);
    expect(p.races).toEqual([]);
  });

  it("condition-variable producer/consumer", () => {
    const p = trace();
    const lock = {};
    const cond = {};
    const item = p.cell("item");
    const count = p.cell("count");
    p.spawn(T1);
    p.spawn(T2);
    // consumer: with lock: while count == 0: cond.wait()
    p.hb.acquire(T2, lock);
    p.read(T2, count, 20);
    p.hb.release(T2, lock); // wait releases the lock
    // producer: with lock: item = x; count += 1; cond.notify()
    p.hb.acquire(T1, lock);
    p.write(T1, item, 10);
    p.read(T1, count, 11);
    p.write(T1, count, 11);
    p.hb.release(T1, cond); // notify
    p.hb.release(T1, lock);
    // consumer wakes: re-acquires the lock, re-checks, takes the item
    p.hb.acquire(T2, cond);
    p.hb.acquire(T2, lock);
    p.read(T2, count, 20);
    p.read(T2, item, 21);
    p.write(T2, count, 22);
    p.hb.release(T2, lock);
    expect(p.races).toEqual([]);
  });

  it("concurrent reads are not a race, and a write after joining all readers is fine", () => {
    const p = trace();
    const config = p.cell("config");
    p.write(MAIN, config, 1);
    for (const t of [T1, T2, T3]) p.spawn(t);
    for (const t of [T1, T2, T3]) p.read(t, config, 5);
    p.joinAll(T1, T2, T3);
    p.write(MAIN, config, 9);
    expect(p.races).toEqual([]);
  });

  it("thread-local cells never race", () => {
    const p = trace();
    const mine = [p.cell("a"), p.cell("b")];
    p.spawn(T1);
    p.spawn(T2);
    for (let i = 0; i < 4; i++) {
      p.write(T1, mine[0]);
      p.read(T2, mine[1]);
      p.write(T2, mine[1]);
      p.read(T1, mine[0]);
    }
    expect(p.races).toEqual([]);
  });
});

describe("HappensBefore: thread bookkeeping", () => {
  it("accepts sparse thread ids and several root threads", () => {
    const hb = new HappensBefore();
    const cell = {};
    const site = (thread: number, op: "read" | "write") => ({
      thread,
      threadName: `t${thread}`,
      op,
      target: "c",
      step: 0,
    });
    hb.fork(null, 7);
    hb.fork(null, 3); // e.g. a second process's main thread
    expect(hb.write(7, cell, site(7, "write"))).toBeNull();
    expect(hb.read(3, cell, site(3, "read"))).toMatchObject({ kind: "write-read" });
    hb.fork(7, 12);
    expect(hb.write(12, {}, site(12, "write"))).toBeNull();
  });
});

describe("HappensBefore: unsynchronized programs fire", () => {
  it("two unsynchronized writes (even run one after the other)", () => {
    const p = trace();
    const x = p.cell("x");
    p.spawn(T1);
    p.spawn(T2);
    p.write(T1, x, 4);
    p.write(T2, x, 8);
    expect(p.races).toHaveLength(1);
    expect(p.races[0]).toMatchObject({
      target: "x",
      kind: "write-write",
      first: { thread: T1, threadName: "T1", op: "write", line: 4 },
      second: { thread: T2, threadName: "T2", op: "write", line: 8 },
    });
  });

  it("read then write with no edge", () => {
    const p = trace();
    const x = p.cell("x");
    p.spawn(T1);
    p.spawn(T2);
    p.read(T1, x, 3);
    p.write(T2, x, 7);
    expect(p.races).toMatchObject([
      { kind: "read-write", first: { thread: T1, line: 3 }, second: { thread: T2, line: 7 } },
    ]);
  });

  it("write then read with no edge", () => {
    const p = trace();
    const x = p.cell("x");
    p.spawn(T1);
    p.spawn(T2);
    p.write(T1, x, 3);
    p.read(T2, x, 7);
    expect(p.races).toMatchObject([{ kind: "write-read", first: { thread: T1 }, second: { thread: T2 } }]);
  });

  it("race hidden behind unrelated locks", () => {
    const p = trace();
    const x = p.cell("counter");
    const lockA = {};
    const lockB = {};
    p.spawn(T1);
    p.spawn(T2);
    p.hb.acquire(T1, lockA);
    p.read(T1, x, 5);
    p.write(T1, x, 5);
    p.hb.release(T1, lockA);
    p.hb.acquire(T2, lockB);
    p.read(T2, x, 9);
    p.write(T2, x, 9);
    p.hb.release(T2, lockB);
    expect(p.races.map((r) => r.kind)).toEqual(["write-read", "write-write"]);
  });

  it("write, then join of a DIFFERENT thread", () => {
    const p = trace();
    const result = p.cell("result");
    p.spawn(T1);
    p.spawn(T2);
    p.write(T1, result, 4);
    p.joinAll(T2); // joined the wrong thread
    p.read(MAIN, result, 12);
    expect(p.races).toMatchObject([{ kind: "write-read", first: { thread: T1 }, second: { thread: MAIN, line: 12 } }]);
  });

  it("publication through a plain Shared flag: the flag itself races, and so does the data", () => {
    const p = trace();
    const data = p.cell("data");
    const flag = p.cell("ready");
    p.spawn(T1);
    p.spawn(T2);
    p.write(T1, data, 3);
    p.write(T1, flag, 4);
    p.read(T2, flag, 8); // spins until it sees true — a plain read is no edge
    p.read(T2, data, 9);
    expect(p.races.map((r) => [r.target, r.kind])).toEqual([
      ["ready", "write-read"],
      ["data", "write-read"],
    ]);
  });

  it("release without a matching acquire orders nothing", () => {
    const p = trace();
    const x = p.cell("x");
    const lock = {};
    p.spawn(T1);
    p.spawn(T2);
    p.hb.acquire(T1, lock);
    p.write(T1, x, 2);
    p.hb.release(T1, lock);
    p.write(T2, x, 6); // forgot the lock
    expect(p.races).toHaveLength(1);
  });

  it("a write racing with several concurrent readers names each reader", () => {
    const p = trace();
    const x = p.cell("x");
    for (const t of [T1, T2, T3]) p.spawn(t);
    p.read(T1, x, 1);
    p.read(T2, x, 2);
    p.write(T3, x, 3);
    expect(p.hb.races.map((r) => [r.kind, r.first.thread, r.second.thread])).toEqual([
      ["read-write", T1, T3],
      ["read-write", T2, T3],
    ]);
    // The call returns the first new race.
    expect(p.races).toHaveLength(1);
  });

  it("a racy loop reports each pair once per cell", () => {
    const p = trace();
    const x = p.cell("x");
    p.spawn(T1);
    p.spawn(T2);
    for (let i = 0; i < 50; i++) {
      p.read(T1, x, 3);
      p.write(T1, x, 3);
      p.read(T2, x, 7);
      p.write(T2, x, 7);
    }
    const kinds = p.hb.races.map((r) => `${r.kind}:${r.first.thread}->${r.second.thread}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.length).toBeLessThanOrEqual(6);
    expect(kinds).toContain("write-read:1->2");
  });

  it("atomics do not order plain accesses they do not precede", () => {
    const p = trace();
    const data = p.cell("data");
    const flag = {};
    p.spawn(T1);
    p.spawn(T2);
    p.hb.atomic(T1, flag); // store(1) BEFORE writing the data: publishes nothing
    p.write(T1, data, 3);
    p.hb.atomic(T2, flag);
    p.read(T2, data, 9);
    expect(p.races).toMatchObject([{ kind: "write-read", target: "data" }]);
  });
});

describe("describeRace", () => {
  it("names both accesses, threads and lines", () => {
    const text = describeRace({
      target: "balance",
      kind: "write-read",
      first: { thread: 1, threadName: "depositor", op: "write", target: "balance", line: 12, step: 4 },
      second: { thread: 2, threadName: "auditor", op: "read", target: "balance", step: 9 },
    });
    expect(text).toContain("'balance'");
    expect(text).toContain("'depositor' wrote it at line 12");
    expect(text).toContain("'auditor' read it at step 9");
  });
});
