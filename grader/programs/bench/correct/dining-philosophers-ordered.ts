// FIXED dining philosophers (resource hierarchy, Dijkstra): every philosopher picks up the
// lower-numbered fork first, so the last one reaches for fork 0 before fork 4 and no cycle
// of waits can form.
import { Lock, SharedArray, sleep, spawn, assert } from "interleave";

const N = 5;
const MEALS = 2;
const forks = Array.from({ length: N }, (_, i) => new Lock(`fork${i}`));
const meals = new SharedArray(N, "meals");

async function philosopher(i: number) {
  const a = i;
  const b = (i + 1) % N;
  const first = forks[Math.min(a, b)]!;
  const second = forks[Math.max(a, b)]!;
  for (let m = 0; m < MEALS; m++) {
    await sleep(1); // think
    await first.acquire();
    await second.acquire();
    await meals.set(i, (await meals.get(i)) + 1); // eat
    second.release();
    first.release();
  }
}

export default async function main() {
  const ps = Array.from({ length: N }, (_, i) => spawn(() => philosopher(i), `P${i}`));
  for (const p of ps) await p.join();
  for (let i = 0; i < N; i++) assert((await meals.get(i)) === MEALS, `P${i} did not eat ${MEALS} times`);
}
