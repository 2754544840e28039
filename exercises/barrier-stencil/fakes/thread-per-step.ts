// Fake: new threads for every step, joined at the end of it — no Barrier, and the threads do not own their cells.
import { spawn, type SharedArray } from "interleave";

export type Kernel = (left: number, mid: number, right: number) => Promise<number>;

export async function diffuse(
  grid: SharedArray<number>,
  scratch: SharedArray<number>,
  steps: number,
  threads: number,
  kernel: Kernel,
): Promise<void> {
  const inner = grid.length - 2;
  for (let step = 0; step < steps; step++) {
    const workers = [];
    for (let t = 0; t < threads; t++) {
      const from = 1 + Math.floor((t * inner) / threads);
      const to = 1 + Math.floor(((t + 1) * inner) / threads);
      workers.push(
        spawn(
          async () => {
            for (let i = from; i < to; i++) {
              await scratch.set(i, await kernel(await grid.get(i - 1), await grid.get(i), await grid.get(i + 1)));
            }
          },
          `Worker-${t + 1}`,
        ),
      );
    }
    for (const w of workers) await w.join();
    for (let i = 1; i < grid.length - 1; i++) await grid.set(i, await scratch.get(i));
  }
}
