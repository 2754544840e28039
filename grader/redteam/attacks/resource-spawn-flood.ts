// Attack: start threads without end
// Kind: resource
// Expect: not-passed
import { spawn, sleep } from "interleave";
export async function countConcurrently() {
  for (;;) spawn(async () => { await sleep(1_000_000); });
}
