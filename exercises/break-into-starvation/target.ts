import { AtomicInt, assert, Shared, spawn } from "interleave";

// The program of "Break it: into starvation", run by the real runtime for "Play the
// scheduler". Each numbered line is one scheduling point: a step you give a thread runs
// exactly one line of the statement's program. Two differences: the readers stop after
// ROUNDS visits (the statement's go on forever; no schedule that matters gets that far), and
// here a reader may run line 1 while the writer writes (it only counts itself in) where the
// statement's reader waits — a schedule doing that has let the writer in: it has already lost.

const ROUNDS = 30;
const GOAL_FAILS = 8;

const readers = new AtomicInt(0, "readers");
const writing = new Shared(false, "writing");
let fails = 0;

async function reader() {
  for (let round = 0; round < ROUNDS; round++) {
    await readers.fetchAdd(1); //              1  wait until !writing; readers += 1
    await readers.load(); //                   2  read()
    await readers.fetchAdd(-1); //             3  readers -= 1; go back to line 1
  }
}

async function writer() {
  while ((await readers.load()) > 0) {
    //      1  if (readers > 0) try again, else writing = true
    fails++;
    assert(fails < GOAL_FAILS, `the writer found readers inside ${fails} times: it starves while readers come and go`);
  }
  await writing.set(false); //                 2  write(); writing = false
}

export default async function main() {
  const threads = [spawn(reader, "reader 0"), spawn(reader, "reader 1"), spawn(writer, "writer 2")];
  for (const t of threads) await t.join();
}
