/**
 * The score of one item: about 0.1 ms of computation. Keep it as it is (the grader checks
 * the scores) and keep it exported: a Pool sends functions to its workers by name.
 */
export function score(x: number): number {
  let h = x | 0;
  for (let round = 0; round < 100; round++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ round;
  return h >>> 0;
}

// No processes at all: one core computes every score.
export async function scoreAll(items: readonly number[], processes: number): Promise<number[]> {
  void processes;
  return items.map(score);
}
