// Fake: a serial kernel: scores every item in the calling process with the hash unrolled into one expression, no pool
import type {} from "interleave";

const mix = (h: number, r: number): number => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ r;

function myScore(x: number): number {
  let h = x | 0;
  h = mix(mix(mix(mix(mix(mix(mix(mix(mix(mix(h, 0), 1), 2), 3), 4), 5), 6), 7), 8), 9);
  return h >>> 0;
}

export async function scoreAll(
  items: readonly number[],
  _processes: number,
  _score: (x: number) => number,
): Promise<number[]> {
  return items.map(myScore);
}
