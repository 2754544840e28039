// Fake: one big lock around every meal, so only one philosopher ever eats at a time
import { Lock, spawn } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  const table = new Lock("table");
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    philosophers.push(
      spawn(async () => {
        for (let m = 0; m < meals; m++) {
          await using _table = await table.hold();
          await using _left = await forks[p]!.hold();
          await using _right = await forks[(p + 1) % n]!.hold();
          await eat(p);
        }
      }, `Philosopher-${p}`),
    );
  }
  for (const ph of philosophers) await ph.join();
}
