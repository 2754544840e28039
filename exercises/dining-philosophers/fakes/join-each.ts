// Fake: each philosopher's thread is joined before the next one starts, so they never compete
import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  for (let p = 0; p < n; p++) {
    const t = spawn(async () => {
      for (let m = 0; m < meals; m++) {
        await using _left = await forks[p]!.hold();
        await using _right = await forks[(p + 1) % n]!.hold();
        await eat(p);
      }
    }, `Philosopher-${p}`);
    await t.join();
  }
}
