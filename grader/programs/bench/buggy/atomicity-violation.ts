// BUG (atomicity violation): every access to `stock` is under the lock, but the check and
// the update are two separate critical sections. Two buyers both see one item in stock
// and both buy it. No data race — each section is correctly locked — yet the pair is not
// atomic. Needs 1 preemption: a buyer preempted between its two critical sections.
import { AtomicInt, Lock, Shared, spawn, assert } from "interleave";

const lock = new Lock("stockLock");
const stock = new Shared(1, "stock");
const sold = new AtomicInt(0, "sold");

async function buy() {
  let available: number;
  {
    await using _ = await lock.hold();
    available = await stock.get();
  }
  if (available > 0) {
    await using _ = await lock.hold();
    await stock.set(available - 1);
    await sold.fetchAdd(1);
  }
}

export default async function main() {
  const buyers = [spawn(buy, "Buyer1"), spawn(buy, "Buyer2")];
  for (const b of buyers) await b.join();
  const n = await sold.load();
  assert(n <= 1, `sold ${n} items with only 1 in stock`);
}
