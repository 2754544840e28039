// Alternate: stages shut down by poison pills (the last worker of a stage to stop sends one pill per worker of the next) and everything awaited with gather, instead of Queue.join() and cancel().
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

const STOP = null;

/** `count` workers draining `input` until a pill; the last one to stop calls `after`. */
function stage<I>(
  count: number,
  input: asyncio.Queue<I | null>,
  process: (item: I) => Promise<void>,
  after: () => Promise<void>,
): (() => Promise<void>)[] {
  let running = count;
  return Array.from({ length: count }, () => async () => {
    for (let item = await input.get(); item !== STOP; item = await input.get()) await process(item);
    if (--running === 0) await after();
  });
}

export async function runPipeline(ids: readonly number[], tools: Tools, config: Config): Promise<number[]> {
  const toDownload = new asyncio.Queue<number | null>(config.capacity);
  const toParse = new asyncio.Queue<Page | null>(config.capacity);
  const toStore = new asyncio.Queue<Doc | null>(config.capacity);
  const malformed: number[] = [];
  const pills = async <T>(q: asyncio.Queue<T | null>, n: number) => {
    for (let i = 0; i < n; i++) await q.put(STOP);
  };

  const feed = async () => {
    for (const id of ids) await toDownload.put(id);
    await pills(toDownload, config.downloaders);
  };
  await asyncio.gather(
    feed,
    ...stage(
      config.downloaders,
      toDownload,
      async (id) => toParse.put(await tools.download(id)),
      () => pills(toParse, config.parsers),
    ),
    ...stage(
      config.parsers,
      toParse,
      async (page) => {
        let doc: Doc;
        try {
          doc = await tools.parse(page);
        } catch (error) {
          if (!(error instanceof ValueError)) throw error;
          malformed.push(page.id);
          return;
        }
        await toStore.put(doc);
      },
      () => pills(toStore, config.storers),
    ),
    ...stage(
      config.storers,
      toStore,
      (doc) => tools.store(doc),
      async () => {},
    ),
  );
  return malformed;
}
