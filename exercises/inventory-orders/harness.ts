import { assert, Lock, Shared, spawn, type Thread } from "interleave";
import { Inventory } from "./solution";

/** An inventory on the warehouse's own cell and lock: the warehouse's jobs use them too. */
function open(initial: Record<string, number>) {
  const levels = new Shared<Readonly<Record<string, number>>>({ ...initial }, "levels");
  const lock = new Lock("inventoryLock");
  return { inventory: new Inventory(initial, levels, lock), levels, lock };
}

/**
 * The warehouse books deliveries straight into the levels cell, under the inventory's lock,
 * while customers order: an inventory that keeps its levels anywhere else, or guards them
 * with another lock, loses these deliveries or races them.
 */
function warehouse(
  levels: Shared<Readonly<Record<string, number>>>,
  lock: Lock,
  item: string,
  times: number,
  ledger: Ledger,
): Thread {
  return spawn(async () => {
    for (let i = 0; i < times; i++) {
      await using _ = await lock.hold();
      const now = await levels.get();
      await levels.set({ ...now, [item]: (now[item] ?? 0) + 1 });
      ledger.add(ledger.restocked, item, 1);
    }
  }, `Warehouse-${item}`);
}

type Lines = Record<string, number>;

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** Tracks what the harness's threads were told, to check that no unit is created or lost. */
class Ledger {
  readonly sold = new Map<string, number>();
  readonly restocked = new Map<string, number>();
  add(map: Map<string, number>, item: string, qty: number) {
    map.set(item, (map.get(item) ?? 0) + qty);
  }
  async expectConserved(
    inventory: Inventory,
    initial: Lines,
    levels: Shared<Readonly<Record<string, number>>>,
    lock: Lock,
  ): Promise<void> {
    let stored: Readonly<Record<string, number>>;
    {
      await using _ = await lock.hold();
      stored = await levels.get();
    }
    for (const item of Object.keys(initial)) {
      const start = initial[item]!;
      const restocked = this.restocked.get(item) ?? 0;
      const sold = this.sold.get(item) ?? 0;
      const level = await inventory.level(item);
      assert(level >= 0, `${item} went negative: ${level} (oversold)`);
      assert(
        stored[item] === level,
        `${item}: level() says ${level} but the levels cell you were given holds ${stored[item]}: keep the levels in that cell, under that lock`,
      );
      assert(
        level === start + restocked - sold,
        `${item}: ${start} at the start + ${restocked} restocked − ${sold} sold in successful orders = ${start + restocked - sold}, but level() says ${level}: units were lost or created (a lost update, or a refused order that kept some of its lines)`,
      );
    }
  }
}

export async function singleThread() {
  const { inventory } = open({ apples: 5, pears: 2 });
  assert(
    (await inventory.order({ apples: 2, pears: 1 })) === true,
    "order {apples: 2, pears: 1} from {apples: 5, pears: 2} should succeed",
  );
  assert(
    (await inventory.level("apples")) === 3 && (await inventory.level("pears")) === 1,
    "after the first order there should be 3 apples and 1 pear",
  );
  assert(
    (await inventory.order({ apples: 1, pears: 5 })) === false,
    "order {apples: 1, pears: 5} with 1 pear in stock should be refused",
  );
  const apples = await inventory.level("apples");
  assert(apples === 3, `a refused order must change nothing (all or nothing), but apples went from 3 to ${apples}`);
  await inventory.restock("pears", 4);
  assert((await inventory.level("pears")) === 5, "after restock(pears, 4) there should be 5 pears");
  assert((await inventory.order({ pears: 5 })) === true, "order {pears: 5} with 5 pears should succeed");
  assert((await inventory.level("pears")) === 0, "all pears should be gone");
  await inventory.restock("plums", 2);
  assert((await inventory.level("plums")) === 2, "restock of a new item should add it");
}

export async function noOverselling() {
  const initial = { apples: 6, pears: 6 };
  const { inventory, levels, lock } = open(initial);
  const ledger = new Ledger();
  const delivery = warehouse(levels, lock, "apples", 2, ledger);
  const customers: [string, Lines][] = [
    ["Ann", { apples: 1, pears: 1 }],
    ["Bob", { pears: 1, apples: 1 }],
    ["Cem", { apples: 2 }],
    ["Dee", { pears: 2 }],
  ];
  const threads = customers.map(([name, lines]) =>
    spawn(async () => {
      for (let i = 0; i < 2; i++) {
        const ok = await inventory.order(lines);
        assert(typeof ok === "boolean", `order() should resolve to true or false, got ${String(ok)}`);
        if (ok) for (const [item, qty] of Object.entries(lines)) ledger.add(ledger.sold, item, qty);
      }
    }, name),
  );
  await joinAll([delivery, ...threads]);
  await ledger.expectConserved(inventory, initial, levels, lock);
}

export async function restockDuringOrders() {
  const initial = { apples: 2, pears: 2 };
  const { inventory, levels, lock } = open(initial);
  const ledger = new Ledger();
  const threads: Thread[] = [warehouse(levels, lock, "pears", 2, ledger)];
  for (const item of ["apples", "pears"]) {
    threads.push(
      spawn(async () => {
        for (let i = 0; i < 3; i++) {
          await inventory.restock(item, 1);
          ledger.add(ledger.restocked, item, 1);
        }
      }, `Supplier-${item}`),
    );
  }
  const orders: [string, Lines][] = [
    ["Ann", { apples: 1, pears: 1 }],
    ["Bob", { apples: 1 }],
  ];
  for (const [name, lines] of orders) {
    threads.push(
      spawn(async () => {
        for (let i = 0; i < 3; i++) {
          if (await inventory.order(lines))
            for (const [item, qty] of Object.entries(lines)) ledger.add(ledger.sold, item, qty);
        }
      }, name),
    );
  }
  await joinAll(threads);
  await ledger.expectConserved(inventory, initial, levels, lock);
}
