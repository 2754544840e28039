// Attack: a synchronous infinite loop
// Kind: resource
// Expect: one-of timeout
export async function countConcurrently() {
  for (;;) {}
}
