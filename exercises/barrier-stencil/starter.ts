import type { SharedArray } from "interleave";

/** The new value of a cell from its left neighbour, itself and its right neighbour (about 1 ms of work). */
export type Kernel = (left: number, mid: number, right: number) => Promise<number>;

/**
 * Heat diffusion along a rod: `steps` times, every inner cell i (1 ≤ i ≤ n − 2) becomes
 * `await kernel(grid[i − 1], grid[i], grid[i + 1])`, all computed from the previous step's
 * values; the two end cells never change. `scratch` has the same length as `grid` for you to
 * use. The result must end up in `grid`.
 *
 * Use `threads` threads that each own a block of cells for all the steps.
 */
export async function diffuse(
  grid: SharedArray<number>,
  scratch: SharedArray<number>,
  steps: number,
  threads: number,
  kernel: Kernel,
): Promise<void> {
  // One thread does everything: correct, but no faster on four cores than on one.
  for (let step = 0; step < steps; step++) {
    for (let i = 1; i < grid.length - 1; i++) {
      await scratch.set(i, await kernel(await grid.get(i - 1), await grid.get(i), await grid.get(i + 1)));
    }
    for (let i = 1; i < grid.length - 1; i++) await grid.set(i, await scratch.get(i));
  }
}
