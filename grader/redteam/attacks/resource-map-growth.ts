// Attack: grow a Map until memory runs out
// Kind: resource
// Expect: one-of memory-limit timeout runtime-error
export async function countConcurrently() {
  const m = new Map<number, number[]>();
  for (let i = 0; ; i++) m.set(i, [i, i, i, i]);
}
