import { Empty, Lock, Queue, SharedArray, spawn } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export interface Tools {
  /** I/O: the thread waits for the network, holding no GIL. */
  fetch(url: string): Promise<Page>;
  /** CPU: 5 ms of computation, which needs the GIL. */
  countWords(page: Page): Promise<number>;
}

export async function indexAll(tools: Tools, urls: readonly string[], threads: number): Promise<number[]> {
  const jobs = new Queue<number>();
  for (let i = 0; i < urls.length; i++) await jobs.put(i);
  const counts = new SharedArray<number>(urls.length, "counts");
  // "Only one thread may run Python code at a time anyway, so let's be safe": a lock held across
  // the request serializes the waits too, which the GIL never does.
  const lock = new Lock("indexLock");
  const workers = Array.from({ length: threads }, (_, w) =>
    spawn(
      async () => {
        for (;;) {
          let i: number;
          try {
            i = await jobs.get({ block: false });
          } catch (error) {
            if (error instanceof Empty) return; // no work left
            throw error;
          }
          await using _ = await lock.hold();
          const page = await tools.fetch(urls[i]!);
          await counts.set(i, await tools.countWords(page));
        }
      },
      `Indexer-${w + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return counts.toArray();
}
