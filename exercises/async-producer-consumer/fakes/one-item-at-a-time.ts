// Fake: no concurrency: the producer handles every item itself, one after another
/** Where the items come from: next() waits for the next item, and answers null once there are no more. */
export interface Source {
  next(): Promise<number | null>;
}

export interface Options {
  /** How many items may be handled at the same time. */
  consumers: number;
  /** How many items may wait between the producer and the consumers. */
  capacity: number;
}

/**
 * Take every item from `source` and `await handle(item)` it exactly once, with `consumers`
 * consumer tasks fed by one producer task through an asyncio.Queue of `capacity` items. Return
 * once every item has been handled and every task is finished. Called from inside asyncio.run().
 *
 * This version is correct but does one thing at a time: while an item is handled, nothing is
 * produced, and only one item is ever handled at once.
 */
export async function runPipeline(
  source: Source,
  handle: (item: number) => Promise<void>,
  { consumers, capacity }: Options,
): Promise<void> {
  // TODO: a producer task that puts items into `new asyncio.Queue(capacity)`, `consumers` consumer
  // tasks that get and handle them, and a clean way to tell every consumer that the stream is over.
  void consumers;
  void capacity;
  for (let item = await source.next(); item !== null; item = await source.next()) await handle(item);
}
