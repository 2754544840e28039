import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    philosophers.push(
      spawn(async () => {
        for (let m = 0; m < meals; m++) {
          // Only one lock per philosopher: no cycle, no deadlock!
          await using _mine = await forks[p]!.hold();
          await eat(p);
        }
      }, `Philosopher-${p}`),
    );
  }
  for (const ph of philosophers) await ph.join();
}
