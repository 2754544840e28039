// Fake: never picks up the forks and lets the philosophers take turns by a plain variable (code between awaits is atomic)
import { spawn, yieldNow, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const n = forks.length;
  let turn = 0;
  const philosophers = [];
  for (let p = 0; p < n; p++) {
    philosophers.push(
      spawn(async () => {
        for (let m = 0; m < meals; m++) {
          while (turn % n !== p) await yieldNow();
          await eat(p);
          turn++;
        }
      }, `Philosopher-${p}`),
    );
  }
  for (const ph of philosophers) await ph.join();
}
