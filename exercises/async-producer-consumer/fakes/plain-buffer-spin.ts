// Fake: a plain array instead of an asyncio.Queue, and tasks that poll it with asyncio.sleep(0) (busy-waiting)
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
      while (buffer.length >= capacity) await asyncio.sleep(0);
      buffer.push(item);
    }
    done = true;
  };
  const consume = async () => {
    for (;;) {
      const item = buffer.shift();
      if (item !== undefined) await handle(item);
      else if (done) return;
      else await asyncio.sleep(0);
    }
  };
  await asyncio.gather(produce, ...Array.from({ length: consumers }, () => consume));
}
