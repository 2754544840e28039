// Attack: print without end
// Kind: resource
// Expect: one-of timeout runtime-error memory-limit
export async function countConcurrently() {
  const line = "y".repeat(10_000);
  for (;;) console.log(line);
}
