// BUG (racy CAS loop): a lock-free "high-water mark" that loads, compares and then stores —
// instead of compareExchange. A thread that loaded an old maximum can overwrite a larger
// one another thread stored in between. AtomicInt makes each step atomic, not the loop.
// Needs 1 preemption: a thread preempted between its load() and its store().
import { AtomicInt, spawn, assert } from "interleave";

const highWater = new AtomicInt(0, "highWater");

async function record(value: number) {
  let current = await highWater.load();
  while (value > current) {
    await highWater.store(value); // should be: if (await highWater.compareExchange(current, value)) break;
    current = await highWater.load();
  }
}

export default async function main() {
  const samples = [
    [3, 17, 5],
    [11, 2, 9],
    [8, 14, 1],
  ];
  const ts = samples.map((xs, i) =>
    spawn(async () => {
      for (const x of xs) await record(x);
    }, `Sensor${i}`),
  );
  for (const t of ts) await t.join();
  const max = await highWater.load();
  assert(max === 17, `high-water mark is ${max}, expected 17`);
}
