import { asyncio, assert, now } from "interleave";

/**
 * How long an item may wait for a consumer that is idle, in virtual ms, on the un-stressed
 * schedule: a consumer blocked in queue.get() is woken by the put at once (0 ms); one polling
 * a plain list with asyncio.sleep(k) sees the item up to k ms late.
 */
const HANDOVER_MS = 0.75;
import { runPipeline, type Source } from "./solution";

interface Run {
  items: number;
  consumers: number;
  capacity: number;
  /** Virtual ms the source takes to produce item i (0: it yields but is instant). */
  gap: (i: number) => number;
  /** Virtual ms a consumer needs per item (I/O: it waits, other tasks run). */
  handleMs: number;
}

async function pipeline(run: Run, handover = false): Promise<void> {
  const stats = { pulled: 0, started: 0, finished: 0, active: 0, maxActive: 0, maxBacklog: 0 };
  const seen = new Array<number>(run.items).fill(0);
  // When each item left the source, and since when each consumer has been idle (latest last;
  // at first, all since the start). An item and an idle consumer both there: it should be
  // handled at once.
  const pulledAt = new Array<number>(run.items).fill(NaN);
  const idleSince: number[] = Array.from({ length: run.consumers }, () => now());
  let produced = 0;
  const source: Source = {
    async next() {
      // How far ahead of the consumers the producer is when it asks for more.
      stats.maxBacklog = Math.max(stats.maxBacklog, stats.pulled - stats.started);
      if (produced >= run.items) return null;
      const item = produced++;
      await asyncio.sleep(run.gap(item));
      stats.pulled++;
      pulledAt[item] = now();
      return item;
    },
  };
  const handle = async (item: number) => {
    assert(
      Number.isInteger(item) && item >= 0 && item < run.items,
      `handle() got ${JSON.stringify(item)}, which the source never produced`,
    );
    stats.started++;
    seen[item]!++;
    const idle = idleSince.pop();
    if (handover && idle !== undefined && !Number.isNaN(idle) && !Number.isNaN(pulledAt[item]!)) {
      const waited = now() - Math.max(idle, pulledAt[item]!);
      assert(
        waited <= HANDOVER_MS,
        `item ${item} waited ${waited.toFixed(3)} ms while a consumer was idle. A consumer blocked in queue.get() takes an item the moment it is put; one polling a plain list with asyncio.sleep() sees it late.`,
      );
    }
    stats.active++;
    stats.maxActive = Math.max(stats.maxActive, stats.active);
    try {
      await asyncio.sleep(run.handleMs);
    } finally {
      stats.active--;
      idleSince.push(now());
    }
    stats.finished++;
  };
  const after = await asyncio.run(async () => {
    await runPipeline(source, handle, { consumers: run.consumers, capacity: run.capacity });
    return { ...stats };
  });
  const what = `${run.items} items, ${run.consumers} consumers, capacity ${run.capacity}`;
  seen.forEach((n, item) =>
    assert(
      n === 1,
      `${what}: item ${item} was handled ${n} times, expected exactly once${n === 0 ? " (dropped)" : ""}`,
    ),
  );
  assert(
    after.finished === run.items && after.active === 0,
    `${what}: runPipeline returned while ${after.active} item(s) were still being handled: return only when every consumer is done`,
  );
  assert(
    after.maxActive <= run.consumers,
    `${what}: ${after.maxActive} items were handled at the same time, but there are ${run.consumers} consumers`,
  );
  assert(
    after.maxBacklog <= run.capacity + 1,
    `${what}: the producer asked for a new item while ${after.maxBacklog} were waiting for a consumer; a queue of capacity ${run.capacity} must hold it back (back-pressure)`,
  );
}

export async function smallPipeline() {
  await pipeline({ items: 12, consumers: 3, capacity: 2, gap: () => 1, handleMs: 10 });
}

/** Bursts of five items, then a pause long enough for the consumers to empty the queue. */
export async function burstyProducer() {
  await pipeline({ items: 20, consumers: 2, capacity: 3, gap: (i) => (i % 5 === 0 ? 60 : 1), handleMs: 10 });
}

/**
 * Forty items of 10 ms on four consumers: about 100 virtual ms, after a first item that takes
 * the source 300 ms — consumers must wait for it blocked in queue.get(), not poll a plain list
 * (300 virtual ms of polling runs out of the step budget).
 */
export async function throughput() {
  await pipeline({ items: 40, consumers: 4, capacity: 4, gap: (i) => (i === 0 ? 300 : 1), handleMs: 10 }, true);
}

/** An instant producer and slow consumers: only the bounded queue holds the producer back. */
export async function backPressure() {
  await pipeline({ items: 30, consumers: 2, capacity: 2, gap: () => 0, handleMs: 10 });
}
