// Attack: mark the harness's own thread daemon so that the run ends as passed
// Kind: forge
// Expect: not-passed
import { currentThread } from "interleave";
export async function countConcurrently() {
  try { (currentThread() as any).daemon = true; } catch {}
  try { Object.defineProperty(currentThread(), "daemon", { value: true }); } catch {}
  return 0;
}
