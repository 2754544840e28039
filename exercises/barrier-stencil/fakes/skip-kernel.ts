// Fake: computes the rule itself instead of calling the harness's kernel (no work to parallelize).
import type { SharedArray } from "interleave";

export type Kernel = (left: number, mid: number, right: number) => Promise<number>;

export async function diffuse(
  grid: SharedArray<number>,
  _scratch: SharedArray<number>,
  steps: number,
  _threads: number,
  _kernel: Kernel,
): Promise<void> {
  let g = await grid.toArray();
  for (let s = 0; s < steps; s++)
    g = g.map((v, i) => (i === 0 || i === g.length - 1 ? v : (g[i - 1]! + 2 * v + g[i + 1]!) / 4));
  for (let i = 0; i < g.length; i++) await grid.set(i, g[i]!);
}
