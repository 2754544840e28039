// Shared memory: Shared, SharedArray (Python's list with IndexError) and AtomicInt
// (C++-style atomics: sequentially consistent, never a data race).

import { describe, expect, it } from "vitest";
import { caughtAs, passes, passesEverySchedule } from "./testkit";

describe("Shared", () => {
  it("get and set, named in the trace with their values", () => {
    const r = passes(`
      const c = new Shared(41, "counter");
      assert((await c.get()) === 41, "initial");
      await c.set(42);
      assert((await c.get()) === 42, "after set");
      assert(c.name === "counter", "name");
      const anon = new Shared("x");
      assert(anon.name === "Shared-1", "automatic name " + anon.name);
    `);
    expect(r.trace!.filter((e) => e.target === "counter").map((e) => `${e.op}=${e.value}`)).toEqual([
      "get=41",
      "set=42",
      "get=42",
    ]);
  });

  it("must fail: an unsynchronized read-modify-write from several threads is caught", () => {
    caughtAs(
      "race",
      `
      const c = new Shared(0, "counter");
      const ts = range(3).map(() => spawn(async () => { await c.set((await c.get()) + 1); }));
      for (const t of ts) await t.join();
      assert((await c.get()) === 3, "lost update");
    `,
    );
  });
});

describe("SharedArray", () => {
  it("new SharedArray(n) holds n zeros; from items it copies them; length is fixed", () => {
    passes(`
      const zeros = new SharedArray(3, "z");
      assert(zeros.length === 3 && (await zeros.toArray()).join() === "0,0,0", "zeros");
      const items = ["a", "b"];
      const arr = new SharedArray(items, "letters");
      items[0] = "changed";
      assert((await arr.get(0)) === "a", "the constructor did not copy its items");
      await arr.set(1, "c");
      assert((await arr.get(1)) === "c" && arr.length === 2, "set/get");
      assert(new SharedArray(0).length === 0, "empty");
      await raises(ValueError, () => new SharedArray(-1));
      await raises(ValueError, () => new SharedArray(2.5));
    `);
  });

  it("indices out of range raise IndexError naming the array; a failed access changes nothing", () => {
    passes(`
      const arr = new SharedArray([1, 2, 3], "cells");
      for (const i of [-1, 3, 1.5, NaN, 100]) {
        const e = await raises(IndexError, () => arr.get(i));
        assert(e.message.includes("cells"), "message " + e.message);
        await raises(IndexError, () => arr.set(i, 9));
      }
      assert((await arr.toArray()).join() === "1,2,3", "changed by a failed set");
      await arr.set(2, 30);   // the last valid index
      assert((await arr.get(2)) === 30, "last index");
    `);
  });

  it("toArray returns a copy of every cell", () => {
    passes(`
      const arr = new SharedArray([1, 2, 3]);
      const snapshot = await arr.toArray();
      snapshot[0] = 99;
      assert((await arr.get(0)) === 1, "toArray exposed the cells");
      await arr.set(1, 20);
      assert(snapshot[1] === 2, "the snapshot followed a later set");
      assert((await arr.toArray()).join() === "1,20,3", "toArray");
    `);
  });

  it("threads writing disjoint cells need no lock, on every schedule", () => {
    passesEverySchedule(`
      const arr = new SharedArray(4, "cells");
      const ts = range(4).map((i) => spawn(async () => { for (const k of range(3)) await arr.set(i, (await arr.get(i)) + k + 1); }));
      for (const t of ts) await t.join();
      assert((await arr.toArray()).join() === "6,6,6,6", "cells " + (await arr.toArray()).join());
    `);
  });

  it("must fail: two threads updating the same cell without a lock are caught", () => {
    caughtAs(
      "race",
      `
      const arr = new SharedArray(2, "cells");
      const ts = range(2).map(() => spawn(async () => { await arr.set(0, (await arr.get(0)) + 1); }));
      for (const t of ts) await t.join();
      assert((await arr.get(0)) === 2, "lost update");
    `,
    );
  });
});

describe("AtomicInt", () => {
  it("load, store, fetchAdd, exchange and compareExchange follow C++ semantics", () => {
    passes(`
      const a = new AtomicInt(5, "a");
      assert((await a.load()) === 5, "load");
      assert((await a.store(7)) === undefined && (await a.load()) === 7, "store");
      assert((await a.fetchAdd(3)) === 7 && (await a.load()) === 10, "fetchAdd returns the old value");
      assert((await a.fetchAdd(-4)) === 10 && (await a.load()) === 6, "fetchAdd with a negative delta");
      assert((await a.exchange(1)) === 6 && (await a.load()) === 1, "exchange returns the old value");
      assert((await a.compareExchange(2, 9)) === false, "no swap when the value differs");
      assert((await a.load()) === 1, "a failed compareExchange leaves the value");
      assert((await a.compareExchange(1, 9)) === true, "swap when the value is the expected one");
      assert((await a.load()) === 9, "the swapped-in value");
      assert(new AtomicInt().name === "AtomicInt-1", "default value and name");
      assert((await new AtomicInt().load()) === 0, "default 0");
    `);
  });

  it("holds integers only: a fractional initial value, store, delta or desired value is a ValueError", () => {
    passes(`
      await raises(ValueError, () => new AtomicInt(1.5));
      const a = new AtomicInt(1);
      await raises(ValueError, () => a.store(0.5));
      await raises(ValueError, () => a.fetchAdd(0.5));
      await raises(ValueError, () => a.exchange(NaN));
      await raises(ValueError, () => a.compareExchange(1, 2.5));
      assert((await a.load()) === 1, "a refused operation changed the value");
    `);
  });

  it("fetchAdd from many threads never loses an update, and is never a data race", () => {
    passesEverySchedule(`
      const a = new AtomicInt(0, "hits");
      const ts = range(4).map(() => spawn(async () => { for (const _ of range(5)) await a.fetchAdd(1); }));
      for (const t of ts) await t.join();
      assert((await a.load()) === 20, "hits " + (await a.load()));
    `);
  });

  it("a compareExchange retry loop is a correct increment on every schedule", () => {
    passesEverySchedule(`
      const a = new AtomicInt(0); let retries = 0;
      const inc = async () => { for (;;) { const v = await a.load(); if (await a.compareExchange(v, v + 1)) return; retries++; } };
      const ts = range(3).map(() => spawn(async () => { for (const _ of range(3)) await inc(); }));
      for (const t of ts) await t.join();
      assert((await a.load()) === 9, "value " + (await a.load()));
    `);
  });

  it("must fail: load then store is not atomic", () => {
    caughtAs(
      "race",
      `
      const a = new AtomicInt(0);
      const ts = range(3).map(() => spawn(async () => { const v = await a.load(); await a.store(v + 1); }));
      for (const t of ts) await t.join();
      assert((await a.load()) === 3, "lost update");
    `,
    );
  });

  it("must fail: a compareExchange whose result is ignored loses updates", () => {
    caughtAs(
      "race",
      `
      const a = new AtomicInt(0);
      const ts = range(3).map(() => spawn(async () => { const v = await a.load(); await a.compareExchange(v, v + 1); }));
      for (const t of ts) await t.join();
      assert((await a.load()) === 3, "lost update");
    `,
    );
  });

  it("an atomic flag publishes plain shared data: no data race on any schedule", () => {
    passesEverySchedule(`
      const data = new Shared(0, "data"); const ready = new AtomicInt(0, "ready");
      const reader = spawn(async () => {
        while ((await ready.load()) === 0) await yieldNow();
        assert((await data.get()) === 42, "read before the write");
      }, "Reader");
      await data.set(42);
      await ready.store(1);
      await reader.join();
    `);
  });

  it("must fail: publishing through a plain Shared flag is a data race", () => {
    const r = caughtAs(
      "race",
      `
      const data = new Shared(0, "data"); const ready = new Shared(0, "ready");
      const reader = spawn(async () => {
        while ((await ready.get()) === 0) await yieldNow();
        assert((await data.get()) === 42, "read before the write");
      }, "Reader");
      await data.set(42);
      await ready.set(1);
      await reader.join();
    `,
    );
    expect(r.failure!.kind).toBe("data-race");
  });
});
