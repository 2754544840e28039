// Fake: sleep(50) instead of a Barrier — "everybody is surely done by then".
import { sleep, spawn, type SharedArray } from "interleave";

export type Kernel = (left: number, mid: number, right: number) => Promise<number>;

export async function diffuse(
  grid: SharedArray<number>,
  scratch: SharedArray<number>,
  steps: number,
  threads: number,
  kernel: Kernel,
): Promise<void> {
  const inner = grid.length - 2;
  const workers = [];
  for (let t = 0; t < threads; t++) {
    // Blocks of cells 1..n-2, as even as possible.
    const from = 1 + Math.floor((t * inner) / threads);
    const to = 1 + Math.floor(((t + 1) * inner) / threads);
    workers.push(
      spawn(
        async () => {
          for (let step = 0; step < steps; step++) {
            for (let i = from; i < to; i++) {
              await scratch.set(i, await kernel(await grid.get(i - 1), await grid.get(i), await grid.get(i + 1)));
            }
            await sleep(50);
            for (let i = from; i < to; i++) await grid.set(i, await scratch.get(i));
            await sleep(50);
          }
        },
        `Worker-${t + 1}`,
      ),
    );
  }
  for (const w of workers) await w.join();
}
