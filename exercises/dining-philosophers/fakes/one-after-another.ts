// Fake: no threads at all: the philosophers eat one after another, so nobody ever waits for a fork
import type { Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  for (let m = 0; m < meals; m++) {
    for (let p = 0; p < n; p++) {
      await using _left = await forks[p]!.hold();
      await using _right = await forks[(p + 1) % n]!.hold();
      await eat(p);
    }
  }
}
