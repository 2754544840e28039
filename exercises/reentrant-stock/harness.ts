import { assert, SharedArray, spawn, type Thread } from "interleave";
import { Stock } from "./solution";

const ITEMS = ["apples", "pears", "plums"] as const;

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** A stock on counts the harness owns (one cell per item, in the order of ITEMS), so that it can look inside. */
function open() {
  const counts = new SharedArray<number>(ITEMS.length, "counts");
  return { stock: new Stock(ITEMS, counts), counts };
}

/** The counts you were given must hold the stock: a stock kept anywhere else does not pass. */
async function inCells(counts: SharedArray<number>, expected: Record<string, number>): Promise<void> {
  const cells = await counts.toArray();
  ITEMS.forEach((item, i) => {
    assert(
      cells[i] === (expected[item] ?? 0),
      `the counts you were given should hold ${expected[item] ?? 0} ${item} (cell ${i}), but hold ${cells[i]}: keep the stock in them`,
    );
  });
}

async function expectCounts(
  stock: Stock,
  expected: Record<string, number>,
  when: string,
  counts: SharedArray<number>,
): Promise<void> {
  for (const item of ITEMS) {
    const n = await stock.count(item);
    assert(n === expected[item], `${when}: expected ${expected[item]} ${item}, got ${n}`);
  }
  await inCells(counts, expected);
}

export async function singleThread() {
  const { stock, counts } = open();
  await expectCounts(stock, { apples: 0, pears: 0, plums: 0 }, "a new stock", counts);
  await stock.add("apples", 2);
  await stock.restock([
    ["apples", 3],
    ["pears", 2],
  ]);
  await expectCounts(
    stock,
    { apples: 5, pears: 2, plums: 0 },
    "after add(apples, 2) and restock([[apples, 3], [pears, 2]])",
    counts,
  );
  let total = await stock.total();
  assert(total === 7, `total() should be 7, got ${total}`);
  const refused = await stock.take("pears", 3);
  assert(refused === false, `take(pears, 3) with 2 pears should resolve to false, got ${String(refused)}`);
  const taken = await stock.take("pears", 2);
  assert(taken === true, `take(pears, 2) with 2 pears should resolve to true, got ${String(taken)}`);
  const swapped = await stock.swap("apples", "plums", 4);
  assert(swapped === true, `swap(apples, plums, 4) with 5 apples should resolve to true, got ${String(swapped)}`);
  const notSwapped = await stock.swap("apples", "pears", 2);
  assert(
    notSwapped === false,
    `swap(apples, pears, 2) with 1 apple should resolve to false, got ${String(notSwapped)}`,
  );
  await expectCounts(stock, { apples: 1, pears: 0, plums: 4 }, "after the takes and swaps", counts);
  total = await stock.total();
  assert(total === 5, `total() should be 5, got ${total}`);
}

export async function batchesAreAtomic() {
  const { stock, counts } = open();
  const batch = [
    ["apples", 4],
    ["pears", 3],
    ["plums", 3],
  ] as const;
  const threads = [];
  for (let t = 0; t < 2; t++) {
    threads.push(
      spawn(
        async () => {
          for (let i = 0; i < 3; i++) await stock.restock(batch);
        },
        `Supplier-${t + 1}`,
      ),
    );
  }
  threads.push(
    spawn(async () => {
      for (let i = 0; i < 6; i++) {
        const total = await stock.total();
        assert(
          total % 10 === 0,
          `every restock adds 10 units, yet the clerk counted ${total}: it saw half a restock (or a half-counted total)`,
        );
      }
    }, "Clerk"),
  );
  await joinAll(threads);
  await expectCounts(stock, { apples: 24, pears: 18, plums: 18 }, "after 6 restocks", counts);
}

export async function swapsConserve() {
  const { stock, counts } = open();
  await stock.restock([
    ["apples", 5],
    ["pears", 5],
    ["plums", 5],
  ]);
  const routes: [string, string][] = [
    ["apples", "pears"],
    ["pears", "plums"],
    ["plums", "apples"],
  ];
  const threads = routes.map(([give, get], t) =>
    spawn(
      async () => {
        for (let i = 0; i < 3; i++) await stock.swap(give, get, 2 + t);
      },
      `Trader-${t + 1}`,
    ),
  );
  threads.push(
    spawn(async () => {
      for (let i = 0; i < 5; i++) {
        const total = await stock.total();
        assert(
          total === 15,
          `swaps neither create nor destroy units, yet total() was ${total} instead of 15: it saw half a swap`,
        );
      }
    }, "Clerk"),
  );
  await joinAll(threads);
  let sum = 0;
  const seen: Record<string, number> = {};
  for (const item of ITEMS) {
    const n = await stock.count(item);
    assert(n >= 0, `${item} went negative: ${n}`);
    seen[item] = n;
    sum += n;
  }
  assert(sum === 15, `after the swaps the items add up to ${sum}, expected 15`);
  await inCells(counts, seen);
}
