import { assert, AtomicInt, currentThread, Event, spawn } from "interleave";
import { updateMax } from "./solution";

// Tiny programs, explored exhaustively: the check runs under the `dfs` strategy, which
// enumerates every interleaving with up to `depth` preemptions — not a sample. In each, one
// thread ("Frozen") is paused forever just before its second access to the cell, as if the
// operating system never scheduled it again: a lock-free update must let the others finish.

/** The cell, wrapped so that the thread named "Frozen" stops for good at its `at`-th access. */
function freezingCell(initial: number, at: number): { cell: AtomicInt; raw: AtomicInt; frozen: Event } {
  const raw = new AtomicInt(initial, "cell");
  const frozen = new Event("frozen");
  const never = new Event("never");
  let accesses = 0;
  const gate = async () => {
    if (currentThread().name !== "Frozen") return;
    accesses++;
    if (accesses === at) {
      frozen.set();
      await never.wait();
    }
  };
  const wrapped = {
    name: raw.name,
    load: async () => (await gate(), raw.load()),
    store: async (v: number) => (await gate(), raw.store(v)),
    fetchAdd: async (d: number) => (await gate(), raw.fetchAdd(d)),
    exchange: async (v: number) => (await gate(), raw.exchange(v)),
    compareExchange: async (e: number, d: number) => (await gate(), raw.compareExchange(e, d)),
  };
  return { cell: wrapped as unknown as AtomicInt, raw, frozen };
}

async function race(initial: number, values: number[], frozenValue: number) {
  const { cell, raw } = freezingCell(initial, 2);
  const what = `cell ${initial}, threads raising it to ${values.join(", ")} (and a thread frozen while raising it to ${frozenValue})`;
  spawn(() => updateMax(cell, frozenValue), { name: "Frozen", daemon: true });
  const workers = values.map((v, i) => spawn(() => updateMax(cell, v), `Raiser-${i + 1}`));
  for (const w of workers) {
    await w.join({ timeout: 1000 });
    assert(
      !w.isAlive(),
      `${what}: ${w.name} could not finish while the thread 'Frozen' was paused in the middle of updateMax(): it is blocked behind the paused thread (a lock held by a paused thread is held forever: not lock-free) or retrying forever (a compare-and-swap with a stale expected value never succeeds)`,
    );
  }
  const got = await raw.load();
  const best = Math.max(initial, ...values);
  assert(
    got === best || (got === frozenValue && frozenValue > best),
    `${what}: the cell holds ${got} at the end; expected ${best}. A store after a load can overwrite a larger value another thread wrote in between: compareExchange(expected, desired) writes only if the cell still holds what you read.`,
  );
}

/** Two raisers, every interleaving with up to 3 preemptions. */
export async function twoRaisers() {
  await race(0, [5, 7], 3);
}

/** The cell already holds more than some of them. */
export async function smallerValues() {
  await race(6, [4, 9, 7], 8);
}

/** Three raisers, every interleaving with up to 2 preemptions. */
export async function threeRaisers() {
  await race(1, [4, 8, 6], 2);
}
