// Attack: an asynchronous infinite loop that never reaches a scheduling point
// Kind: resource
// Expect: one-of timeout runtime-error
export async function countConcurrently() {
  for (;;) await null;
}
