// Attack: the exploit of issue 9 — a Lock's scheduler field, set the outcome to passed
// Kind: forge
// Expect: not-passed
import { Lock } from "interleave";
export async function countConcurrently() {
  (new Lock() as any).s.outcome = { kind: "passed", message: "all threads finished" };
  return 0;
}
