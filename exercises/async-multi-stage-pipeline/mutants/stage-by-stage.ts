import { asyncio, ValueError } from "interleave";

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
  const toDownload = new asyncio.Queue<number>(config.capacity);
  const toParse = new asyncio.Queue<Page>(config.capacity);
  const toStore = new asyncio.Queue<Doc>(config.capacity);
  const malformed: number[] = [];

  // One stage after the other, each with its own number of workers: every page is downloaded
  // before the first is parsed, so all of them pile up between the stages.
  void toDownload;
  void toParse;
  void toStore;
  const pages: Page[] = [];
  const docs: Doc[] = [];
  const inParallel = async <T>(items: readonly T[], count: number, fn: (item: T) => Promise<void>) => {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await fn(items[next++]!);
    };
    await asyncio.gather(...Array.from({ length: count }, () => worker));
  };
  await inParallel(ids, config.downloaders, async (id) => void pages.push(await tools.download(id)));
  await inParallel(pages, config.parsers, async (page) => {
    try {
      docs.push(await tools.parse(page));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      malformed.push(page.id);
    }
  });
  await inParallel(docs, config.storers, (doc) => tools.store(doc));
  return malformed;
}
