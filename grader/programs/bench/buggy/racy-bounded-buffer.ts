// BUG (unprotected producer/consumer buffer): a ring buffer whose `count` is updated with a
// read and a write by both sides and no lock. A lost decrement makes the consumer read a
// slot the producer has not filled yet; a lost increment makes it miss an item.
// Needs 1 preemption: the producer and the consumer updating `count` at the same time.
import { Shared, SharedArray, sleep, spawn, assert } from "interleave";

const CAPACITY = 3;
const ITEMS = 6;
const buffer = new SharedArray<number>(CAPACITY, "buffer");
const count = new Shared(0, "count");
const finished = new Shared(false, "finished");
const received: number[] = [];

async function producer() {
  let tail = 0;
  for (let item = 1; item <= ITEMS; item++) {
    while ((await count.get()) === CAPACITY) await sleep(1); // buffer full: wait a bit
    await buffer.set(tail, item);
    tail = (tail + 1) % CAPACITY;
    await count.set((await count.get()) + 1);
  }
  await finished.set(true);
}

async function consumer() {
  let head = 0;
  for (;;) {
    while ((await count.get()) === 0) {
      if (await finished.get()) return;
      await sleep(1); // buffer empty: wait a bit
    }
    received.push(await buffer.get(head));
    await buffer.set(head, 0);
    head = (head + 1) % CAPACITY;
    await count.set((await count.get()) - 1);
  }
}

export default async function main() {
  const p = spawn(producer, "Producer");
  const c = spawn(consumer, "Consumer");
  await p.join();
  await c.join();
  assert(received.join(",") === "1,2,3,4,5,6", `received [${received.join(",")}], expected [1,2,3,4,5,6]`);
}
