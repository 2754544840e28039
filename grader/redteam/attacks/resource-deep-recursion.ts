// Attack: unbounded recursion
// Kind: resource
// Expect: one-of runtime-error timeout memory-limit
const down = (n: number): number => down(n + 1) + 1;
export async function countConcurrently() {
  return down(0);
}
