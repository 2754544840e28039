// Alternate: chains handed out dynamically from a shared Queue of chain indices (with one stop marker per thread) instead of a static share per thread.
import { Queue, spawn } from "interleave";

export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  threads: number,
): Promise<number[]> {
  const todo = new Queue<number>(0, "chains");
  for (let i = 0; i < seeds.length; i++) await todo.put(i);
  for (let t = 0; t < threads; t++) await todo.put(-1);
  const results: number[] = new Array<number>(seeds.length);
  const workers = Array.from({ length: threads }, (_, t) =>
    spawn(
      async () => {
        for (let i = await todo.get(); i >= 0; i = await todo.get()) {
          let x = seeds[i]!;
          for (let r = 0; r < rounds; r++) x = await step(x); // one chain's steps stay in order
          results[i] = x;
        }
      },
      `Chains-${t + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return results;
}
