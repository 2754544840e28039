// FIXED high-water mark: a compareExchange loop. The store happens only if nobody changed
// the value since it was loaded; otherwise reload and decide again.
import { AtomicInt, spawn, assert } from "interleave";

const highWater = new AtomicInt(0, "highWater");

async function record(value: number) {
  let current = await highWater.load();
  while (value > current) {
    if (await highWater.compareExchange(current, value)) return;
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
