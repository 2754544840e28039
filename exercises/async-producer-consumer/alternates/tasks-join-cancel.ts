// Alternate: consumers started with createTask and stopped by queue.join() then cancel() (no sentinel values), the producer run inline.
import { asyncio } from "interleave";

export interface Source {
  next(): Promise<number | null>;
}

export interface Options {
  consumers: number;
  capacity: number;
}

export async function runPipeline(
  source: Source,
  handle: (item: number) => Promise<void>,
  { consumers, capacity }: Options,
): Promise<void> {
  const queue = new asyncio.Queue<number>(capacity);
  const workers = Array.from({ length: consumers }, (_, c) =>
    asyncio.createTask(
      async () => {
        for (;;) {
          const item = await queue.get();
          try {
            await handle(item);
          } finally {
            queue.taskDone();
          }
        }
      },
      { name: `Consumer-${c + 1}` },
    ),
  );
  for (let item = await source.next(); item !== null; item = await source.next()) await queue.put(item);
  await queue.join();
  for (const w of workers) w.cancel();
  await asyncio.gather(...workers, { returnExceptions: true });
}
