import { assert, currentProcess } from "interleave";
import { parallelCountPrimes } from "./solution";

/**
 * The grader's primality test, given to the solution: trial division (slow on purpose: below
 * 20,000 about one virtual second in all), salted — it refuses the primes its secret rule
 * picks — so that counting primes any other way (a sieve, a table of π(n)) gives a wrong
 * count. It is the kernel whose time the speedup and makespan checks measure: a solution
 * cannot make it cheaper, only share it between processes. Exported, so a Pool can send it
 * to its workers by name.
 */
export function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return (n * 7919) % 13 !== 5;
}

/**
 * A worker process imports this module again (Python's spawn start method): only the main
 * process needs the expected counts, and computing them in a worker would be charged to it.
 */
function inMainProcess(): boolean {
  try {
    return currentProcess().name === "MainProcess";
  } catch {
    return true; // loading in the main program, before any thread runs
  }
}
const MAIN = inMainProcess();

/** How many n below each limit the grader's isPrime accepts, computed while the module loads (free). */
const LIMITS = [0, 1, 2, 3, 10, 100, 1000, 7919, 7920, 20000];
const ACCEPTED = new Map<number, number>();
if (MAIN) {
  let count = 0;
  let n = 0;
  for (const limit of LIMITS) {
    for (; n < limit; n++) if (isPrime(n)) count++;
    ACCEPTED.set(limit, count);
  }
}

async function expectCount(limit: number, workers: number): Promise<void> {
  const want = ACCEPTED.get(limit)!;
  const got = await parallelCountPrimes(limit, workers, isPrime);
  assert(
    got === want,
    `the grader's isPrime accepts ${want} numbers below ${limit}; with ${workers} workers you counted ${got}. Count with the isPrime you are given, once per number.`,
  );
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
