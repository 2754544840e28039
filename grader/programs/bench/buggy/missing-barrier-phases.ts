// BUG (phase ordering without a barrier): each worker writes its partial sum, then "lets
// the others finish" with a yield and reads everybody's partial sum. A yield is not a
// barrier: a worker preempted before its write is read as 0 by a faster neighbour.
// Needs 1 preemption: a worker preempted before it publishes its partial sum.
import { SharedArray, spawn, yieldNow, assert } from "interleave";

const WORKERS = 4;
const data = Array.from({ length: 40 }, (_, i) => i + 1);
const partial = new SharedArray(WORKERS, "partial");
const totals = new SharedArray(WORKERS, "totals");

async function worker(w: number) {
  const chunk = data.filter((_, i) => i % WORKERS === w);
  await partial.set(
    w,
    chunk.reduce((a, b) => a + b, 0),
  ); // phase 1
  await yieldNow(); // "wait for the others"
  let total = 0; // phase 2
  for (let i = 0; i < WORKERS; i++) total += await partial.get(i);
  await totals.set(w, total);
}

export default async function main() {
  const ws = Array.from({ length: WORKERS }, (_, w) => spawn(() => worker(w), `W${w}`));
  for (const t of ws) await t.join();
  for (let w = 0; w < WORKERS; w++) {
    const t = await totals.get(w);
    assert(t === 820, `W${w} computed a total of ${t}, expected 820`);
  }
}
