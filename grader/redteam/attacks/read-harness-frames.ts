// Attack: read the harness through the call stack — callers, arguments, error stacks, toString
// Kind: read
// Expect: not-passed
export async function countConcurrently(...args: unknown[]) {
  const out: string[] = [];
  const tryIt = (f: () => unknown) => { try { out.push(String(f())); } catch (e) { out.push(String(e)); } };
  tryIt(() => (countConcurrently as any).caller);
  tryIt(() => (countConcurrently as any).arguments);
  tryIt(() => new Error().stack);
  tryIt(() => { const f = function (this: unknown) { return (f as any).caller; }; return f(); });
  for (const a of args) tryIt(() => (a as any)?.constructor?.toString?.());
  const e: any = new Error("x");
  tryIt(() => e.stack);
  console.log(out.join("\n"));
  return 0;
}
