// Fake: hard-coded answers: a sieve computed while the module loads (before the clock starts), then a table lookup
const LIMIT = 200_000;
const composite = new Uint8Array(LIMIT + 1);
const below: number[] = [0, 0];
for (let n = 2, count = 0; n <= LIMIT; n++) {
  below[n] = count;
  if (!composite[n]) {
    count++;
    for (let m = n * n; m <= LIMIT; m += n) composite[m] = 1;
  }
}

export function countPrimes(lo: number, hi: number): number {
  return (below[hi] ?? 0) - (below[Math.max(lo, 2)] ?? 0);
}

export type IsPrime = (n: number) => boolean;

export async function parallelCountPrimes(limit: number, _workers: number, _isPrime: IsPrime): Promise<number> {
  return below[limit] ?? 0;
}
