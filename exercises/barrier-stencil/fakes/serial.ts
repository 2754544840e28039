// Fake: a serial kernel loop — the main thread computes every cell, no threads at all.
import type { SharedArray } from "interleave";

export type Kernel = (left: number, mid: number, right: number) => Promise<number>;

export async function diffuse(
  grid: SharedArray<number>,
  scratch: SharedArray<number>,
  steps: number,
  _threads: number,
  kernel: Kernel,
): Promise<void> {
  for (let step = 0; step < steps; step++) {
    for (let i = 1; i < grid.length - 1; i++) {
      await scratch.set(i, await kernel(await grid.get(i - 1), await grid.get(i), await grid.get(i + 1)));
    }
    for (let i = 1; i < grid.length - 1; i++) await grid.set(i, await scratch.get(i));
  }
}
