// Attack: Thread.adopt to make a fake thread whose join hides races, and the Task constructor
// Kind: forge
// Expect: not-passed
import { Thread, asyncio } from "interleave";
export async function countConcurrently() {
  try { (Thread as any).adopt({ id: 0, name: "MainThread", state: "done" }); } catch {}
  try { new (asyncio.Task as any)({ outcome: null }, { tasks: [] }, () => 0, "x", null); } catch {}
  return 0;
}
