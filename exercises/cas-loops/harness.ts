import { assert, AtomicInt, currentThread, Event, spawn, type Thread } from "interleave";
import { addCapped, updateMax } from "./solution";

/**
 * A cell that freezes the thread named "Frozen" forever just before its `at`-th access, as if
 * the operating system never scheduled it again (lock-free-stack's harness does the same).
 */
function freezingCell(initial: number, name: string, at: number): { cell: AtomicInt; frozen: Event } {
  const inner = new AtomicInt(initial, name);
  const frozen = new Event("frozen");
  const never = new Event("never");
  let accesses = 0;
  const gate = async () => {
    if (currentThread().name !== "Frozen") return;
    accesses++;
    if (accesses === at) {
      await frozen.set();
      await never.wait();
    }
  };
  const cell = {
    name,
    load: async () => (await gate(), inner.load()),
    store: async (v: number) => (await gate(), inner.store(v)),
    fetchAdd: async (d: number) => (await gate(), inner.fetchAdd(d)),
    exchange: async (v: number) => (await gate(), inner.exchange(v)),
    compareExchange: async (e: number, d: number) => (await gate(), inner.compareExchange(e, d)),
  } as unknown as AtomicInt;
  return { cell, frozen };
}

/**
 * Lock-free means a thread stopped in the middle of an operation cannot stop the others: one
 * thread is frozen between its read of the cell and its update, and two more must still
 * finish their calls. A lock around the read-modify-write (or any "my turn" flag) fails here.
 */
async function othersFinishWhileOneIsFrozen(
  name: string,
  frozenCall: (cell: AtomicInt) => Promise<unknown>,
  otherCalls: ((cell: AtomicInt) => Promise<unknown>)[],
  initial: number,
): Promise<AtomicInt> {
  const { cell, frozen } = freezingCell(initial, name, 2);
  spawn(() => frozenCall(cell), { name: "Frozen", daemon: true });
  await frozen.wait({ timeout: 1000 });
  const others = otherCalls.map((call, i) => spawn(() => call(cell), `Worker-${i + 1}`));
  for (const w of others) {
    await w.join({ timeout: 1000 });
    assert(
      !w.isAlive(),
      `${w.name} could not finish while another thread was stopped in the middle of its update: the operation is not lock-free (no lock, no waiting for another thread)`,
    );
  }
  return cell;
}

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** A thread that samples the cell while the others work, and checks a property of every sample. */
function watcher(cell: AtomicInt, samples: number, check: (previous: number, now: number) => void): Thread {
  return spawn(async () => {
    let previous = await cell.load();
    for (let i = 0; i < samples; i++) {
      const now = await cell.load();
      check(previous, now);
      previous = now;
    }
  }, "Watcher");
}

export async function maxOfAll() {
  const cell = new AtomicInt(0, "max");
  const offers = [
    [3, 17, 5],
    [12, 2, 20],
    [7, 19, 1],
    [15, 4, 11],
  ];
  const threads = offers.map((mine, t) =>
    spawn(
      async () => {
        for (const v of mine) await updateMax(cell, v);
      },
      `Sensor-${t + 1}`,
    ),
  );
  threads.push(
    watcher(cell, 8, (previous, now) =>
      assert(now >= previous, `the maximum went down from ${previous} to ${now}: an update overwrote a larger value`),
    ),
  );
  await joinAll(threads);
  const max = await cell.load();
  assert(max === 20, `the largest value offered was 20, but the cell holds ${max}`);
  const frozenMax = await othersFinishWhileOneIsFrozen(
    "max",
    (c) => updateMax(c, 1000),
    [(c) => updateMax(c, 40), (c) => updateMax(c, 30)],
    0,
  );
  const after = await frozenMax.load();
  assert(after === 40, `with one thread frozen, the others offered 40 and 30, but the cell holds ${after}`);
}

export async function cappedCounter() {
  const cap = 10;
  const cell = new AtomicInt(0, "seats");
  let granted = 0;
  const threads: Thread[] = [];
  for (let t = 0; t < 4; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 4; i++) {
            const ok = await addCapped(cell, 1, cap);
            assert(typeof ok === "boolean", `addCapped() should resolve to true or false, got ${String(ok)}`);
            if (ok) granted++;
          }
        },
        `Booker-${t + 1}`,
      ),
    );
  }
  threads.push(watcher(cell, 8, (_, now) => assert(now <= cap, `the counter reached ${now}, above its cap of ${cap}`)));
  await joinAll(threads);
  const value = await cell.load();
  assert(value <= cap, `the counter ended at ${value}, above its cap of ${cap}`);
  assert(
    granted === cap,
    `16 requests for 1 unit with a cap of ${cap}: exactly ${cap} should be granted, ${granted} were`,
  );
  assert(value === cap, `${granted} units were granted, so the counter should be ${granted}, but it is ${value}`);
  const frozenSeats = await othersFinishWhileOneIsFrozen(
    "seats",
    (c) => addCapped(c, 1, cap),
    [(c) => addCapped(c, 1, cap), (c) => addCapped(c, 1, cap)],
    0,
  );
  const taken = await frozenSeats.load();
  assert(taken === 2, `with one thread frozen, two others each took a seat, but the counter is ${taken}`);
}

export async function mixedDeltas() {
  const cap = 20;
  const cell = new AtomicInt(0, "budget");
  let granted = 0;
  const deltas = [3, 5, 7, 2];
  const threads = deltas.map((d, t) =>
    spawn(
      async () => {
        for (let i = 0; i < 3; i++) if (await addCapped(cell, d, cap)) granted += d;
      },
      `Spender-${t + 1}`,
    ),
  );
  threads.push(watcher(cell, 8, (_, now) => assert(now <= cap, `the budget reached ${now}, above its cap of ${cap}`)));
  await joinAll(threads);
  const value = await cell.load();
  assert(
    value === granted,
    `the granted additions sum to ${granted}, but the counter is ${value}: an addition was lost or counted without being granted`,
  );
  assert(value <= cap, `the counter ended at ${value}, above its cap of ${cap}`);
  const frozenBudget = await othersFinishWhileOneIsFrozen(
    "budget",
    (c) => addCapped(c, 5, cap),
    [(c) => addCapped(c, 7, cap), (c) => addCapped(c, 20, cap)],
    10,
  );
  const spent = await frozenBudget.load();
  assert(
    spent === 17,
    `with one thread frozen, 10 + 7 fits the cap of 20 and + 20 does not, but the counter is ${spent}`,
  );
}

export async function singleThread() {
  const cell = new AtomicInt(5, "max");
  await updateMax(cell, 3);
  assert((await cell.load()) === 5, "updateMax(3) must not lower a maximum of 5");
  await updateMax(cell, 9);
  assert((await cell.load()) === 9, "updateMax(9) should raise 5 to 9");
  await updateMax(cell, 9);
  await updateMax(cell, -4);
  assert((await cell.load()) === 9, "smaller and equal offers must leave 9 alone");
  const budget = new AtomicInt(8, "budget");
  assert((await addCapped(budget, 3, 10)) === false, "8 + 3 > 10 should be refused");
  assert((await budget.load()) === 8, "a refused addition must change nothing");
  assert((await addCapped(budget, 2, 10)) === true, "8 + 2 <= 10 should be granted");
  assert((await budget.load()) === 10, "the counter should be 10");
}
