import { Shared, SharedArray, spawn } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export interface Tools {
  fetch(url: string): Promise<Page>;
  countWords(page: Page): Promise<number>;
}

// Workers take the next index from a shared counter without a lock: "the GIL makes it atomic".
// It does not: the read and the write are two steps, and another thread can run between them.
export async function indexAll(tools: Tools, urls: readonly string[], threads: number): Promise<number[]> {
  const next = new Shared(0, "next");
  const counts = new SharedArray<number>(urls.length, "counts");
  const workers = Array.from({ length: threads }, (_, w) =>
    spawn(
      async () => {
        for (;;) {
          const i = await next.get();
          if (i >= urls.length) return;
          await next.set(i + 1);
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
