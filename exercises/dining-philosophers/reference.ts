import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    const left = p;
    const right = (p + 1) % n;
    // Resource hierarchy: always pick up the lower-numbered fork first. The last philosopher
    // therefore reaches for fork 0 before fork n-1, and the circle of waiting cannot close.
    const first = Math.min(left, right);
    const second = Math.max(left, right);
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
