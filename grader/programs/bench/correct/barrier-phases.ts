// FIXED phase ordering: a Barrier between the phases. Nobody reads a partial sum before
// every worker has written its own.
import { Barrier, SharedArray, spawn, assert } from "interleave";

const WORKERS = 4;
const data = Array.from({ length: 40 }, (_, i) => i + 1);
const partial = new SharedArray(WORKERS, "partial");
const totals = new SharedArray(WORKERS, "totals");
const phase = new Barrier(WORKERS, "phase");

async function worker(w: number) {
  const chunk = data.filter((_, i) => i % WORKERS === w);
  await partial.set(
    w,
    chunk.reduce((a, b) => a + b, 0),
  ); // phase 1
  await phase.wait();
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
