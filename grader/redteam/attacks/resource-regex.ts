// Attack: a catastrophic regular expression
// Kind: resource
// Expect: not-passed
export async function countConcurrently() {
  return /^(a+)+$/.test("a".repeat(40) + "b") ? 6 : 0;
}
