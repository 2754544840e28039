// FIXED atomicity violation: the stock check and the update are one critical section.
import { AtomicInt, Lock, Shared, spawn, assert } from "interleave";

const lock = new Lock("stockLock");
const stock = new Shared(1, "stock");
const sold = new AtomicInt(0, "sold");

async function buy() {
  await using _ = await lock.hold();
  const available = await stock.get();
  if (available > 0) {
    await stock.set(available - 1);
    await sold.fetchAdd(1);
  }
}

export default async function main() {
  const buyers = [spawn(buy, "Buyer1"), spawn(buy, "Buyer2"), spawn(buy, "Buyer3")];
  for (const b of buyers) await b.join();
  const n = await sold.load();
  assert(n === 1, `sold ${n} items with 1 in stock`);
}
