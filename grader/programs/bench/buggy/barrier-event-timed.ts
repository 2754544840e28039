// BUG (home-made reusable barrier, with computation between rounds): the same barrier as
// reusable-barrier-event.ts, but each round first does work(10) on a virtual core.
// The first thread to arrive in a round closes the gate
// (Event.clear) that the last thread of the previous round opened. A thread that arrived
// in the previous round but has not reached `gate.wait()` yet finds the gate closed again
// and waits forever, while the others wait for it in the next round: a deadlock.
// Every access is under the lock or an Event, so no data race is reported. The work(10)
// makes it a timing bug: the others must finish a whole 10 ms round of work while one
// thread sits, runnable, between its release of the lock and its gate.wait(). The
// scheduler only advances virtual time when nothing can run, so no interleaving of
// runnable threads shows it — only a delay that stretches that one thread across the
// others' work (the `delay` strategy; an OS descheduling a thread on a real machine).
import { Event, Lock, Shared, SharedArray, spawn, work, assert } from "interleave";

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
    await work(10); // this round's share of the computation
    await progress.set(id, round + 1);
    await barrier();
  }
}

export default async function main() {
  const ws = Array.from({ length: PARTIES }, (_, i) => spawn(() => worker(i), `W${i}`));
  for (const w of ws) await w.join();
  for (let i = 0; i < PARTIES; i++) assert((await progress.get(i)) === ROUNDS, `W${i} did not finish`);
}
