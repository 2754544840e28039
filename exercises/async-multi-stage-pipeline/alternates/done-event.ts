// Alternate: the end is known by counting pages that left the pipeline (stored or reported malformed) and setting an asyncio.Event, then cancelling every task, instead of joining the three queues in order.
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
  download(id: number): Promise<Page>;
  parse(page: Page): Promise<Doc>;
  store(doc: Doc): Promise<void>;
}

export interface Config {
  downloaders: number;
  parsers: number;
  storers: number;
  capacity: number;
}

export async function runPipeline(ids: readonly number[], tools: Tools, config: Config): Promise<number[]> {
  const toDownload = new asyncio.Queue<number>(config.capacity);
  const toParse = new asyncio.Queue<Page>(config.capacity);
  const toStore = new asyncio.Queue<Doc>(config.capacity);
  const malformed: number[] = [];
  const done = new asyncio.Event("allPagesOut");
  let out = 0;
  const leave = () => {
    if (++out === ids.length) done.set();
  };
  if (ids.length === 0) done.set();

  const forever = <I>(count: number, input: asyncio.Queue<I>, process: (item: I) => Promise<void>) =>
    Array.from({ length: count }, () =>
      asyncio.createTask(async () => {
        for (;;) await process(await input.get());
      }),
    );

  const tasks = [
    asyncio.createTask(async () => {
      for (const id of ids) await toDownload.put(id);
    }),
    ...forever(config.downloaders, toDownload, async (id) => toParse.put(await tools.download(id))),
    ...forever(config.parsers, toParse, async (page) => {
      let doc: Doc;
      try {
        doc = await tools.parse(page);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        malformed.push(page.id);
        leave();
        return;
      }
      await toStore.put(doc);
    }),
    ...forever(config.storers, toStore, async (doc) => {
      await tools.store(doc);
      leave();
    }),
  ];
  await done.wait();
  for (const t of tasks) t.cancel();
  await asyncio.gather(...tasks, { returnExceptions: true });
  return malformed;
}
