import { AtomicInt, assert, Event, spawn } from "interleave";

// The program of "Break it: the homemade barrier", run by the real runtime for "Play the
// scheduler". Each numbered line is one scheduling point: a step you give a thread runs
// exactly one line of the statement's program. The gate is an Event: "gate = open" is
// `gate.set()`, "gate = closed" is `gate.clear()`, and a thread waiting at a closed gate
// cannot take a step until the gate opens.

const count = new AtomicInt(0, "count");
const gate = new Event("gate");
/** Whether each thread has run compute(round 2) (bookkeeping, not part of the program). */
const inRound2 = [false, false];

async function barrier(me: number, name: string, round: number) {
  await count.fetchAdd(1); //                           2, 8   count += 1
  if ((await count.load()) === 2) void gate.set(); //   3, 9   if (count == 2) gate = open
  await gate.wait(); //                                 4, 10  wait until the gate is open
  if (round === 2) {
    assert(inRound2[1 - me], `${name} is past the round-2 barrier while the other thread has not started round 2`);
  }
  await count.fetchAdd(-1); //                          5, 11  count -= 1
  if ((await count.load()) === 0) void gate.clear(); // 6, 12  if (count == 0) gate = closed
}

async function thread(me: number, name: string) {
  await count.load(); //                                1  compute(round 1)
  await barrier(me, name, 1);
  await count.load(); //                                7  compute(round 2)
  inRound2[me] = true;
  await barrier(me, name, 2);
  await count.load(); //                                13 combine()
}

export default async function main() {
  const threads = [spawn(() => thread(0, "thread 0"), "thread 0"), spawn(() => thread(1, "thread 1"), "thread 1")];
  for (const t of threads) await t.join();
}
