// Fake: a serial kernel: a sieve in the calling process instead of trial division in worker processes
export function countPrimes(lo: number, hi: number): number {
  const composite = new Uint8Array(hi);
  let count = 0;
  for (let n = 2; n < hi; n++) {
    if (composite[n]) continue;
    if (n >= lo) count++;
    for (let m = n * n; m < hi; m += n) composite[m] = 1;
  }
  return count;
}

export type IsPrime = (n: number) => boolean;

export async function parallelCountPrimes(limit: number, _workers: number, _isPrime: IsPrime): Promise<number> {
  return countPrimes(0, limit);
}
