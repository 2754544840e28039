// Attack: return thenables — one that never settles, one that settles twice with different values
// Kind: forge
// Expect: not-passed
export function countConcurrently(threads: number): Promise<number> {
  if (threads === 2) return { then() {} } as unknown as Promise<number>;
  return { then(ok: (v: number) => void) { ok(0); ok(threads * 5); } } as unknown as Promise<number>;
}
