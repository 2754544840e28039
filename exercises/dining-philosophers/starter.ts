import { spawn, type Lock } from "interleave";

/**
 * n = forks.length philosophers sit around a table with one fork (a Lock) between each two
 * neighbours: philosopher p needs forks[p] (on the left) and forks[(p + 1) % n] (on the
 * right) to eat, and runs in a thread of its own. Each philosopher
 * eats `meals` times: pick up both forks, `await eat(p)`, put both down.
 * Resolve once every philosopher has eaten all their meals.
 *
 * This version lets every philosopher pick up the left fork, then the right one.
 * Run it under stress and see what happens; then fix it.
 */
export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    const left = forks[p]!;
    const right = forks[(p + 1) % n]!;
    philosophers.push(
      spawn(async () => {
        for (let m = 0; m < meals; m++) {
          await using _left = await left.hold();
          await using _right = await right.hold();
          await eat(p);
        }
      }, `Philosopher-${p}`),
    );
  }
  for (const ph of philosophers) await ph.join();
}
