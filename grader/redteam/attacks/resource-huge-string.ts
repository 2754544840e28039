// Attack: double a string until it is enormous
// Kind: resource
// Expect: one-of memory-limit timeout runtime-error
export async function countConcurrently() {
  let s = "x";
  for (;;) s += s;
}
