// Fake: a worker stops after 5 virtual ms without work — a timing guess instead of knowing when to stop.
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
              url = await queue.get({ timeout: 5 });
            } catch (e) {
              if (e instanceof Empty) return; // nothing for 5 ms: surely the crawl is over?
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
