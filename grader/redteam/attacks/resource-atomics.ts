// Attack: block the isolate's thread with Atomics.wait on a SharedArrayBuffer
// Kind: resource
// Expect: not-passed
export async function countConcurrently() {
  const A = (globalThis as any).Atomics;
  const SAB = (globalThis as any).SharedArrayBuffer;
  A.wait(new Int32Array(new SAB(4)), 0, 0);
  return 0;
}
