// Fake: no concurrency: calls the scoring kernel for every item in the calling process
export async function scoreAll(
  items: readonly number[],
  _processes: number,
  score: (x: number) => number,
): Promise<number[]> {
  return items.map((x) => score(x));
}
