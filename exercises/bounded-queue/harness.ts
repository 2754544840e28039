import { assert, assertLinearizable, History, models, now, SharedArray, sleep, spawn, type Thread } from "interleave";
import { BoundedQueue } from "./solution";

/** A queue on a ring buffer the harness owns, so it can look inside. */
function newQueue<T>(capacity: number) {
  const items = new SharedArray<T | null>(new Array<T | null>(capacity).fill(null), "queue.items");
  return { q: new BoundedQueue<T>(items), items };
}

/**
 * The items must live in the ring buffer you are given: `contents` (oldest first) must be
 * found in consecutive slots, wrapping around. A queue kept anywhere else (a runtime Queue, a
 * plain array) does not pass.
 */
async function inBuffer<T>(items: SharedArray<T | null>, contents: T[]) {
  const slots = await items.toArray();
  const n = slots.length;
  const found =
    contents.length === 0 || slots.some((_, start) => contents.every((item, k) => slots[(start + k) % n] === item));
  assert(
    found,
    `the ring buffer you were given should hold ${JSON.stringify(contents)} in consecutive slots, but it holds ${JSON.stringify(slots)}: keep the items in it`,
  );
}

type QueueOp = { op: "enqueue"; value: number } | { op: "dequeue" };

async function joinAll(threads: Thread[]): Promise<void> {
  for (const t of threads) await t.join();
}

/** One item in and out before the threads start: it must pass through the ring buffer. */
async function warmUp(q: BoundedQueue<number>, items: SharedArray<number | null>) {
  await q.put(-1);
  await inBuffer(items, [-1]);
  const got = await q.get();
  assert(got === -1, `put(-1) then get() should return -1, got ${String(got)}`);
}

/** One thread: FIFO order, sizes, and the ring buffer wrapping around. */
export async function singleThread() {
  const { q, items } = newQueue<number>(3);
  assert((await q.size()) === 0, "a new queue should be empty");
  await q.put(1);
  await q.put(2);
  await q.put(3);
  const size = await q.size();
  assert(size === 3, `after 3 puts size() should be 3, got ${size}`);
  await inBuffer(items, [1, 2, 3]);
  for (const expected of [1, 2]) {
    const got = await q.get();
    assert(got === expected, `get() should return ${expected} (first in, first out), got ${String(got)}`);
  }
  await q.put(4);
  await q.put(5); // wraps around the end of the buffer
  await inBuffer(items, [3, 4, 5]);
  for (const expected of [3, 4, 5]) {
    const got = await q.get();
    assert(got === expected, `get() should return ${expected} after the buffer wrapped around, got ${String(got)}`);
  }
  assert((await q.size()) === 0, "after taking every item the queue should be empty");
}

/** Two producers and two consumers on a queue of 2 slots: the history must be a FIFO queue's. */
export async function linearizable() {
  const { q, items } = newQueue<number>(2);
  await warmUp(q, items);
  const h = new History<QueueOp, number | null | undefined>();
  const threads: Thread[] = [];
  for (let p = 1; p <= 2; p++) {
    threads.push(
      spawn(async () => {
        for (let i = 1; i <= 3; i++) {
          const value = p * 10 + i;
          await h.record({ op: "enqueue", value }, () => q.put(value));
        }
      }, `Producer-${p}`),
    );
  }
  for (let c = 1; c <= 2; c++) {
    threads.push(
      spawn(async () => {
        for (let i = 0; i < 3; i++) {
          const got = await h.record({ op: "dequeue" }, () => q.get());
          assert(typeof got === "number", `get() returned ${String(got)}: it must wait for an item and return it`);
        }
      }, `Consumer-${c}`),
    );
  }
  await joinAll(threads);
  assertLinearizable(models.queue<number>(), h);
}

/** put() waits while the queue is full, get() waits while it is empty. */
export async function blocksWhenFullOrEmpty() {
  const { q, items } = newQueue<string>(2);
  let gotA = "";
  let gotAAt = -1;
  let askedForBAt = -1;
  const consumer = spawn(async () => {
    gotA = await q.get(); // the queue is still empty: wait for the producer
    gotAAt = now();
    await sleep(1000);
    askedForBAt = now();
    const b = await q.get();
    assert(b === "b", `the second get() should return "b", got ${String(b)}`);
  }, "Consumer");
  await sleep(1000);
  let putDAt = -1;
  const producer = spawn(async () => {
    for (const item of ["a", "b", "c", "d"]) await q.put(item);
    putDAt = now();
  }, "Producer");
  await joinAll([consumer, producer]);
  assert(
    gotA === "a" && gotAAt >= 1000,
    `get() on an empty queue must wait until an item arrives: it returned ${JSON.stringify(gotA)} at ${gotAAt} ms, but "a" was only put at 1000 ms`,
  );
  assert(
    putDAt >= askedForBAt,
    `put("d") returned at ${putDAt} ms, but the queue (2 slots) was full with "b" and "c" until the consumer took "b" at ${askedForBAt} ms: put() must wait while the queue is full`,
  );
  const left = await q.size();
  assert(left === 2, `"c" and "d" should still be in the queue, but size() is ${left}`);
  await inBuffer(items, ["c", "d"]);
  for (const expected of ["c", "d"]) {
    const got = await q.get();
    assert(got === expected, `expected ${expected} next, got ${String(got)}`);
  }
}

/** Three producers, two consumers, one slot: the capacity is never exceeded, nothing is lost. */
export async function capacityUnderPressure() {
  const { q, items } = newQueue<number>(1);
  await warmUp(q, items);
  const h = new History<QueueOp, number | null | undefined>();
  let finished = false;
  const threads: Thread[] = [];
  for (let p = 1; p <= 3; p++) {
    threads.push(
      spawn(async () => {
        for (let i = 1; i <= 2; i++) {
          const value = p * 10 + i;
          await h.record({ op: "enqueue", value }, () => q.put(value));
        }
      }, `Producer-${p}`),
    );
  }
  const consumers: Thread[] = [];
  for (let c = 1; c <= 2; c++) {
    consumers.push(
      spawn(async () => {
        for (let i = 0; i < 3; i++) await h.record({ op: "dequeue" }, () => q.get());
      }, `Consumer-${c}`),
    );
  }
  const watcher = spawn(async () => {
    for (let polls = 0; polls < 50 && !finished; polls++) {
      const n = await q.size();
      assert(n >= 0 && n <= 1, `size() was ${n} on a queue with 1 slot`);
      await sleep(1);
    }
  }, "Watcher");
  await joinAll([...threads, ...consumers]);
  finished = true;
  await watcher.join();
  assertLinearizable(models.queue<number>(), h);
}
