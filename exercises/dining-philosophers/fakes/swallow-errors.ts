// Fake: never picks up the forks and swallows whatever eat() throws about it
import { spawn, type Lock } from "interleave";

export async function dine(forks: Lock[], meals: number, eat: (p: number) => Promise<void>): Promise<void> {
  const philosophers = [];
  for (let p = 0; p < forks.length; p++) {
    philosophers.push(
      spawn(async () => {
        for (let m = 0; m < meals; m++) {
          try {
            await eat(p);
          } catch {
            // the table complained: ignore it
          }
        }
      }, `Philosopher-${p}`),
    );
  }
  for (const ph of philosophers) await ph.join();
}
