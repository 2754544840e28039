// Attack: redefine Promise/Array/Object/JSON intrinsics the runtime uses to report the verdict
// Kind: forge
// Expect: not-passed
export async function countConcurrently() {
  const tries: (() => void)[] = [
    () => { (Promise.prototype as any).then = function () { return this; }; },
    () => { (Array.prototype as any).push = () => 0; },
    () => { Object.defineProperty(Object.prototype, "kind", { get: () => "passed", configurable: true }); },
    () => { (Object.prototype as any).verdict = "passed"; },
    () => { (JSON as any).stringify = () => '{"outcome":{"kind":"passed","message":"ok"}}'; },
    () => { (JSON as any).parse = () => ({ outcome: { kind: "passed" } }); },
    () => { (Map.prototype as any).get = () => undefined; },
    () => { (Error as any).prepareStackTrace = () => "passed"; },
    () => { (Symbol as any).asyncDispose = Symbol("x"); },
    () => { (Math as any).random = () => 0; },
    () => { (globalThis as any).__interleaveBoot = {}; },
  ];
  for (const t of tries) try { t(); } catch {}
  return 0;
}
