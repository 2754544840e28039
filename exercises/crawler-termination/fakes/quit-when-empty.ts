// Fake: a worker stops as soon as it finds the queue empty — no real termination detection.
import { Empty, Queue, spawn } from "interleave";

export type FetchLinks = (url: string) => Promise<string[]>;

export async function crawl(start: string, fetchLinks: FetchLinks, workers: number): Promise<string[]> {
  const queue = new Queue<string>(0, "frontier");
  const seen = new Set<string>([start]);
  await queue.put(start);
  const threads = [];
  for (let w = 0; w < workers; w++) {
    threads.push(
      spawn(
        async () => {
          for (;;) {
            let url: string;
            try {
              url = await queue.get({ block: false });
            } catch (e) {
              if (e instanceof Empty) return; // nothing in the queue: the crawl must be over?
              throw e;
            }
            for (const link of await fetchLinks(url)) {
              if (!seen.has(link)) {
                seen.add(link);
                await queue.put(link);
              }
            }
          }
        },
        `Crawler-${w + 1}`,
      ),
    );
  }
  for (const t of threads) await t.join();
  return [...seen].sort();
}
