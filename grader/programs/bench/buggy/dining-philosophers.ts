// BUG (deadlock): five philosophers each pick up the left fork, then the right one. If all
// five hold their left fork at once, each waits for a neighbour forever.
// Needs every philosopher to take its left fork before any takes its right one: under
// PCT one preemption plus a lucky priority order (the others block in a chain), under a
// uniform random scheduler a run of five "left fork first" choices.
import { Lock, SharedArray, sleep, spawn, assert } from "interleave";

const N = 5;
const MEALS = 2;
const forks = Array.from({ length: N }, (_, i) => new Lock(`fork${i}`));
const meals = new SharedArray(N, "meals");

async function philosopher(i: number) {
  const left = forks[i]!;
  const right = forks[(i + 1) % N]!;
  for (let m = 0; m < MEALS; m++) {
    await sleep(1); // think
    await left.acquire();
    await right.acquire();
    await meals.set(i, (await meals.get(i)) + 1); // eat
    right.release();
    left.release();
  }
}

export default async function main() {
  const ps = Array.from({ length: N }, (_, i) => spawn(() => philosopher(i), `P${i}`));
  for (const p of ps) await p.join();
  for (let i = 0; i < N; i++) assert((await meals.get(i)) === MEALS, `P${i} did not eat ${MEALS} times`);
}
