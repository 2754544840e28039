// Attack: compute outside the cost model with code made from strings
// Kind: escape
// Expect: not-passed
export async function countConcurrently(threads: number, perThread: number) {
  const f = new Function("n", "let s = 0; for (let i = 0; i < n; i++) s++; return s;");
  return f(threads * perThread) as number;
}
