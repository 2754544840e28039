import { assert } from "interleave";
import { parallelCountPrimes } from "./solution";

/** π(n − 1): how many primes are below n, for the limits the checks use. */
const PRIMES_BELOW: Record<number, number> = {
  0: 0,
  1: 0,
  2: 0,
  3: 1,
  10: 4,
  100: 25,
  1000: 168,
  7919: 999,
  7920: 1000,
  20000: 2262,
};

async function expectCount(limit: number, workers: number): Promise<void> {
  const want = PRIMES_BELOW[limit]!;
  const got = await parallelCountPrimes(limit, workers);
  assert(got === want, `there are ${want} primes below ${limit}; with ${workers} workers you counted ${got}`);
}

export async function smallLimits() {
  await expectCount(100, 2);
  await expectCount(1000, 4);
  await expectCount(7920, 3);
}

/** About one virtual second of trial divisions: four processes share it, four threads cannot. */
export async function bigLimit() {
  await expectCount(20000, 4);
}

export async function edgeCases() {
  await expectCount(0, 2);
  await expectCount(3, 1);
  await expectCount(10, 8);
  await expectCount(7919, 4);
}
