// Attack: record measurements from the solution (from "interleave", from "interleave/harness", from a callback)
// Kind: forge
// Expect: not-passed
import * as il from "interleave";
export async function countConcurrently() {
  const anyIl = il as any;
  try { anyIl.measure("request", 0); } catch {}
  try { (require as any)("interleave/harness").measure("request", 0); } catch {}
  try { await Promise.resolve().then(() => anyIl.measure?.("request", 0)); } catch {}
  return 0;
}
declare const require: unknown;
