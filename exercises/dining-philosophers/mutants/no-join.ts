import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  for (let p = 0; p < n; p++) {
    const first = Math.min(p, (p + 1) % n);
    const second = Math.max(p, (p + 1) % n);
    spawn(async () => {
      for (let m = 0; m < meals; m++) {
        await using _first = await forks[first]!.hold();
        await using _second = await forks[second]!.hold();
        await eat(p);
      }
    }, `Philosopher-${p}`);
  }
  // dinner is served; the philosophers will manage
}
