import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    // Lower-numbered fork first... compared before wrapping around the table:
    // for the last philosopher min(p, p + 1) is p, so he still takes left (n-1) then right (0).
    const first = Math.min(p, p + 1) % n;
    const second = Math.max(p, p + 1) % n;
    philosophers.push(
      spawn(async () => {
        for (let m = 0; m < meals; m++) {
          await using _first = await forks[first]!.hold();
          await using _second = await forks[second]!.hold();
          await eat(p);
        }
      }, `Philosopher-${p}`),
    );
  }
  for (const ph of philosophers) await ph.join();
}
