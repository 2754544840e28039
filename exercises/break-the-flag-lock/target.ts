import { assert, Shared, spawn } from "interleave";

// The program of "Break it: the flag lock", run by the real runtime for "Play the scheduler".
// Each numbered line is one scheduling point: a step you give a thread runs exactly one line
// of the statement's program (a spin of line 1 is one step that stays on line 1).

const flag = new Shared(false, "flag");
/** Threads between line 2 and the end of line 4 (bookkeeping, not part of the program). */
let inside = 0;

async function thread(me: string) {
  while (await flag.get()); //        1  while (flag) { }
  await flag.set(true); //            2  flag = true;
  inside++;
  assert(inside === 1, `${me} set the flag while the other thread was inside too: both are in the critical section`);
  await flag.get(); //                3  criticalSection();
  await flag.set(false); //           4  flag = false;
  inside--;
}

export default async function main() {
  const threads = [spawn(() => thread("thread 0"), "thread 0"), spawn(() => thread("thread 1"), "thread 1")];
  for (const t of threads) await t.join();
}
