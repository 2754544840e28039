// Fake: no concurrency: downloads, parses and stores one page at a time
import { ValueError } from "interleave";

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
  /** At most this many download() calls at once... */
  downloaders: number;
  /** ...parse() calls at once... */
  parsers: number;
  /** ...and store() calls at once. */
  storers: number;
  /** Capacity of each queue between two stages. */
  capacity: number;
}

/**
 * Download, parse and store every page once; resolve to the ids of the malformed pages (any
 * order). Called from inside asyncio.run(). Return only when every stage is drained and every
 * task you started has ended.
 *
 * This version is correct but handles one page at a time, start to finish.
 */
export async function runPipeline(ids: readonly number[], tools: Tools, config: Config): Promise<number[]> {
  // TODO: three pools of worker tasks (config.downloaders, config.parsers, config.storers)
  // connected by asyncio queues of config.capacity, and a clean shutdown.
  void config;
  const malformed: number[] = [];
  for (const id of ids) {
    const page = await tools.download(id);
    try {
      await tools.store(await tools.parse(page));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      malformed.push(id);
    }
  }
  return malformed;
}
