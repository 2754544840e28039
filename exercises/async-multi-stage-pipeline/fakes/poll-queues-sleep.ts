// Fake: plain arrays instead of asyncio.Queue, polled with asyncio.sleep(5) (sleeping instead of blocking: few loop turns, each page seen late)
import { asyncio, ValueError } from "interleave";

class PollQueue<T> {
  private readonly items: T[] = [];
  private unfinished = 0;
  constructor(private readonly capacity: number) {}
  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity) await asyncio.sleep(5);
    this.items.push(item);
    this.unfinished++;
  }
  async get(): Promise<T> {
    while (this.items.length === 0) await asyncio.sleep(5);
    return this.items.shift()!;
  }
  taskDone(): void {
    this.unfinished--;
  }
  async join(): Promise<void> {
    while (this.unfinished > 0) await asyncio.sleep(5);
  }
}

export interface Page {
  id: number;
  html: string;
}

export interface Doc {
  id: number;
  words: number;
}

export interface Tools {
  /** I/O: waits for the network (other tasks run meanwhile). */
  download(id: number): Promise<Page>;
  /** CPU: computes on the loop's thread; raises ValueError for a malformed page. */
  parse(page: Page): Promise<Doc>;
  /** I/O: waits for the database. */
  store(doc: Doc): Promise<void>;
}

export interface Config {
  downloaders: number;
  parsers: number;
  storers: number;
  /** Capacity of each queue between two stages. */
  capacity: number;
}

interface Inbox<I> {
  get(): Promise<I>;
  taskDone(): void;
}

/** `count` tasks that take items from `input`, process them, and mark each one done. */
function stage<I>(count: number, input: Inbox<I>, process: (item: I) => Promise<void>) {
  return Array.from({ length: count }, () =>
    asyncio.createTask(async () => {
      for (;;) {
        const item = await input.get();
        try {
          await process(item);
        } finally {
          input.taskDone();
        }
      }
    }),
  );
}

export async function runPipeline(ids: readonly number[], tools: Tools, config: Config): Promise<number[]> {
  const toDownload = new PollQueue<number>(config.capacity);
  const toParse = new PollQueue<Page>(config.capacity);
  const toStore = new PollQueue<Doc>(config.capacity);
  const malformed: number[] = [];

  const workers = [
    ...stage(config.downloaders, toDownload, async (id) => toParse.put(await tools.download(id))),
    ...stage(config.parsers, toParse, async (page) => {
      let doc: Doc;
      try {
        doc = await tools.parse(page);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        malformed.push(page.id); // a bad item is reported, not fatal
        return;
      }
      await toStore.put(doc);
    }),
    ...stage(config.storers, toStore, (doc) => tools.store(doc)),
  ];

  for (const id of ids) await toDownload.put(id);
  // Drain the stages in order: an item is marked done in one queue only after it was put
  // into the next, so once toDownload is joined, everything is in toParse or beyond.
  await toDownload.join();
  await toParse.join();
  await toStore.join();
  for (const w of workers) w.cancel();
  await asyncio.gather(...workers, { returnExceptions: true });
  return malformed;
}
