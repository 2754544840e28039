import { assert } from "interleave";
import { countConcurrently } from "./solution";

export async function twoThreads() {
  const total = await countConcurrently(2, 3);
  assert(total === 6, `2 threads × 3 increments should count 6, got ${total}`);
}

export async function manyThreads() {
  const total = await countConcurrently(4, 5);
  assert(total === 20, `4 threads × 5 increments should count 20, got ${total}`);
}

export async function waitsForWorkers() {
  const total = await countConcurrently(3, 1);
  assert(total === 3, `the total was read before the workers finished: got ${total}, expected 3`);
}
