// Attack: escape through constructor chains, Function, eval and import() to the host
// Kind: escape
// Expect: not-passed
export async function countConcurrently() {
  const out: string[] = [];
  const tryIt = (f: () => unknown) => { try { out.push(String(f())); } catch (e) { out.push(String(e)); } };
  tryIt(() => ({}).constructor.constructor("return process")());
  tryIt(() => (async () => {}).constructor("return 1")());
  tryIt(() => (0, eval)("globalThis.process"));
  tryIt(() => (function* () {}).constructor("yield 1")().next());
  tryIt(() => Reflect.construct(Function, ["return 1"]));
  tryIt(() => (globalThis as any).process?.mainModule);
  tryIt(() => (globalThis as any).require?.("fs"));
  tryIt(() => Object.getOwnPropertyNames(globalThis).join(","));
  tryIt(() => (globalThis as any).__interleaveBoot);
  console.log(out.join("\n"));
  let n = 0;
  try { n = await import("fs" as string).then(() => 6); } catch {}
  return n;
}
