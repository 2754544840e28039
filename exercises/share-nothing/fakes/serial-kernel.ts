// Fake: a serial kernel: classifies every value in the caller with its own hash unrolled into one expression
const mix = (h: number, r: number): number => Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ r;

export async function histogram(
  values: readonly number[],
  buckets: number,
  _processes: number,
  _bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  const counts = new Array<number>(buckets).fill(0);
  values.forEach((v) => counts[(mix(mix(mix(mix(v | 0, 0), 1), 2), 3) >>> 0) % buckets]!++);
  return counts;
}
