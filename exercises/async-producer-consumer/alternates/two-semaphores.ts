// Alternate: the classic bounded buffer built by hand (a plain array between two asyncio.Semaphores, free slots and filled items) instead of asyncio.Queue.
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
  const buffer: (number | null)[] = [];
  const free = new asyncio.Semaphore(capacity, "free");
  const filled = new asyncio.Semaphore(0, "filled");

  const put = async (item: number | null) => {
    await free.acquire();
    buffer.push(item); // code between two awaits is atomic: no lock needed around the array
    filled.release();
  };

  const produce = async () => {
    for (let item = await source.next(); item !== null; item = await source.next()) await put(item);
    for (let i = 0; i < consumers; i++) await put(null);
  };

  const consume = async () => {
    for (;;) {
      await filled.acquire();
      const item = buffer.shift()!;
      free.release();
      if (item === null) return;
      await handle(item);
    }
  };

  await asyncio.gather(produce, ...Array.from({ length: consumers }, () => consume));
}
