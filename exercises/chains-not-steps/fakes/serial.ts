// Fake: no threads at all: the calling thread runs every chain, one step after another
export async function runChains(
  seeds: readonly number[],
  rounds: number,
  step: (x: number) => Promise<number>,
  _threads: number,
): Promise<number[]> {
  const results: number[] = [];
  for (const seed of seeds) {
    let x = seed;
    for (let r = 0; r < rounds; r++) x = await step(x);
    results.push(x);
  }
  return results;
}
