// Fake: a plain array instead of an asyncio.Queue, polled with asyncio.sleep(5) (sleeping instead of blocking: few loop turns, each item seen late)
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
  const buffer: number[] = [];
  let done = false;
  const produce = async () => {
    for (let item = await source.next(); item !== null; item = await source.next()) {
      while (buffer.length >= capacity) await asyncio.sleep(5);
      buffer.push(item);
    }
    done = true;
  };
  const consume = async () => {
    for (;;) {
      const item = buffer.shift();
      if (item !== undefined) await handle(item);
      else if (done) return;
      else await asyncio.sleep(5);
    }
  };
  await asyncio.gather(produce, ...Array.from({ length: consumers }, () => consume));
}
