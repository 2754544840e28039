// BUG (test-and-set split in two): a home-made spin lock waits until the flag is 0, then
// stores 1. Between the load and the store another thread can see 0 too: both "acquire".
// Needs 1 preemption: a thread preempted between the load that saw 0 and its store.
import { AtomicInt, Shared, sleep, spawn, assert } from "interleave";

const flag = new AtomicInt(0, "flag");
const balance = new Shared(0, "balance");

async function lock() {
  while ((await flag.load()) === 1) await sleep(1); // back off, then try again
  await flag.store(1); // should be: while (!(await flag.compareExchange(0, 1))) await sleep(1);
}

async function unlock() {
  await flag.store(0);
}

async function deposit(times: number) {
  for (let i = 0; i < times; i++) {
    await lock();
    await balance.set((await balance.get()) + 10);
    await unlock();
  }
}

export default async function main() {
  const a = spawn(() => deposit(3), "Teller1");
  const b = spawn(() => deposit(3), "Teller2");
  await a.join();
  await b.join();
  const total = await balance.get();
  assert(total === 60, `balance is ${total}, expected 60`);
}
