import { assert, Shared, spawn } from "interleave";

// The program of "Break it: a = a + 1 is not atomic", run by the real runtime for "Play the
// scheduler": each line below is one scheduling point, so each step you give a thread runs
// exactly one line of the statement's program. (tmp is each thread's own.)

const a = new Shared(0, "a");

async function addThreeTimes() {
  let tmp = 0;
  tmp = await a.get(); //             1  tmp = a
  await a.set(tmp + 1); //            2  a = tmp + 1
  tmp = await a.get(); //             3  tmp = a
  await a.set(tmp + 1); //            4  a = tmp + 1
  tmp = await a.get(); //             5  tmp = a
  await a.set(tmp + 1); //            6  a = tmp + 1
}

export default async function main() {
  const threads = [spawn(addThreeTimes, "thread 0"), spawn(addThreeTimes, "thread 1")];
  for (const t of threads) await t.join();
  const end = await a.get();
  assert(end === 6, `six increments, yet a = ${end}: ${6 - end} of them were lost`);
}
