import { Queue, spawn } from "interleave";

export type FetchLinks = (url: string) => Promise<string[]>;

export async function crawl(start: string, fetchLinks: FetchLinks, workers: number): Promise<string[]> {
  const queue = new Queue<string | null>(0, "frontier");
  // Code between two awaits runs atomically, so check-and-add on a plain Set cannot race.
  const seen = new Set<string>([start]);
  await queue.put(start);
  const threads = [];
  for (let w = 0; w < workers; w++) {
    threads.push(
      spawn(
        async () => {
          for (;;) {
            const url = await queue.get();
            if (url === null) return; // the poison pill: the crawl is over
            try {
              for (const link of await fetchLinks(url)) {
                if (!seen.has(link)) {
                  seen.add(link);
                  await queue.put(link);
                }
              }
            } finally {
              // Done only after its links are in the queue: an empty queue with a page still
              // being downloaded is not the end.
              queue.taskDone();
            }
          }
        },
        `Crawler-${w + 1}`,
      ),
    );
  }
  await queue.join(); // every URL ever put has been processed
  for (let w = 0; w < workers; w++) await queue.put(null);
  for (const t of threads) await t.join();
  return [...seen].sort();
}
