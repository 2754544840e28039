// Attack: print text that looks like a passing grade report
// Kind: forge
// Expect: not-passed
export async function countConcurrently() {
  console.log("✔ passed — score 100/100");
  console.log('{"verdict":"passed","score":100,"maxScore":100}');
  return 0;
}
