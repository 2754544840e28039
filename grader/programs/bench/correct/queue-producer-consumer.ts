// FIXED bounded buffer: a Queue with a maxsize does the counting and the blocking; a
// sentinel per consumer tells it to stop.
import { Queue, spawn, assert } from "interleave";

const ITEMS = 8;
const CONSUMERS = 2;
const buffer = new Queue<number | null>(3, "buffer");
const received: number[] = [];

async function producer() {
  for (let item = 1; item <= ITEMS; item++) await buffer.put(item);
  for (let c = 0; c < CONSUMERS; c++) await buffer.put(null);
}

async function consumer() {
  for (;;) {
    const item = await buffer.get();
    if (item === null) return;
    received.push(item);
  }
}

export default async function main() {
  const p = spawn(producer, "Producer");
  const cs = Array.from({ length: CONSUMERS }, (_, i) => spawn(consumer, `Consumer${i + 1}`));
  for (const t of [p, ...cs]) await t.join();
  const sorted = [...received].sort((a, b) => a - b);
  assert(sorted.join(",") === "1,2,3,4,5,6,7,8", `received [${received.join(",")}]`);
}
