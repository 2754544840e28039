// BUG (home-made reusable barrier): the first thread to arrive in a round closes the gate
// (Event.clear) that the last thread of the previous round opened. A thread that arrived
// in the previous round but has not reached `gate.wait()` yet finds the gate closed again
// and waits forever, while the others wait for it in the next round: a deadlock.
// Every access is under the lock or an Event, so no data race is reported: only the
// interleaving shows it. Needs 1 preemption at one exact point (a thread stopped between
// its release of the lock and its gate.wait()) while the others finish the round and one
// of them starts the next — PCT's kind of bug, rarer under a uniform random scheduler.
import { Event, Lock, Shared, SharedArray, spawn, assert } from "interleave";

const PARTIES = 3;
const ROUNDS = 3;
const lock = new Lock("barrierLock");
const arrived = new Shared(0, "arrived");
const gate = new Event("gate");
const progress = new SharedArray(PARTIES, "progress");

async function barrier() {
  await lock.acquire();
  const n = (await arrived.get()) + 1;
  if (n === 1) await gate.clear(); // a new round: close the gate
  if (n === PARTIES) {
    await arrived.set(0);
    await gate.set(); // everybody is here: open it
  } else {
    await arrived.set(n);
  }
  lock.release();
  await gate.wait();
}

async function worker(id: number) {
  for (let round = 0; round < ROUNDS; round++) {
    await progress.set(id, round + 1);
    await barrier();
  }
}

export default async function main() {
  const ws = Array.from({ length: PARTIES }, (_, i) => spawn(() => worker(i), `W${i}`));
  for (const w of ws) await w.join();
  for (let i = 0; i < PARTIES; i++) assert((await progress.get(i)) === ROUNDS, `W${i} did not finish`);
}
