import { Lock, Semaphore, Shared, spawn } from "interleave";

// The program of "Break it: the bounded buffer", run by the real runtime for "Play the
// scheduler". Each numbered line is one scheduling point: a step you give a thread runs
// exactly one line of the statement's program. (A release line reads `buffer` — a bare
// scheduling point — and then releases, so that it happens when you run that line, not before.)

const empty = new Semaphore(1, "empty");
const full = new Semaphore(0, "full");
const mutex = new Lock("mutex");
const buffer = new Shared("[]", "buffer");
/** The items `buffer` shows (changed only under the mutex). */
const items: number[] = [];

async function producer() {
  for (let item = 1; item <= 3; item++) {
    await mutex.acquire(); //                         1, 6, 11   mutex.acquire()
    await empty.acquire(); //                         2, 7, 12   empty.acquire()  // inside the mutex!
    await buffer.set(`[${[...items, item].join(", ")}]`); // 3, 8, 13   buffer.push(item)
    items.push(item);
    await buffer.get(); //                              4, 9, 14   full.release()
    void full.release();
    await buffer.get(); //                              5, 10, 15  mutex.release()
    void mutex.release();
  }
}

async function consumer() {
  for (let n = 1; n <= 3; n++) {
    await full.acquire(); //                          1, 6, 11   full.acquire()
    await mutex.acquire(); //                         2, 7, 12   mutex.acquire()
    await buffer.set(`[${items.slice(1).join(", ")}]`); // 3, 8, 13   item = buffer.shift()
    items.shift();
    await buffer.get(); //                              4, 9, 14   mutex.release()
    void mutex.release();
    await buffer.get(); //                              5, 10, 15  empty.release()
    void empty.release();
  }
}

export default async function main() {
  const threads = [spawn(producer, "producer 0"), spawn(consumer, "consumer 1")];
  for (const t of threads) await t.join();
}
