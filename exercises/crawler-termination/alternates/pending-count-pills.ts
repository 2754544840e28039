// Alternate: a Queue for the frontier but a count of pages queued or in progress kept by hand, the worker that brings it to zero sending the poison pills, instead of taskDone()/join() in the caller.
import { Queue, spawn } from "interleave";

export type FetchLinks = (url: string) => Promise<string[]>;

export async function crawl(start: string, fetchLinks: FetchLinks, workers: number): Promise<string[]> {
  const frontier = new Queue<string | null>(0, "frontier");
  const seen = new Set<string>([start]);
  let pending = 1; // pages queued or being downloaded; code between two awaits is atomic
  await frontier.put(start);
  const threads = Array.from({ length: workers }, (_, w) =>
    spawn(
      async () => {
        for (let url = await frontier.get(); url !== null; url = await frontier.get()) {
          try {
            for (const link of await fetchLinks(url)) {
              if (seen.has(link)) continue;
              seen.add(link);
              pending++;
              await frontier.put(link);
            }
          } finally {
            if (--pending === 0) for (let i = 0; i < workers; i++) await frontier.put(null);
          }
        }
      },
      `Crawler-${w + 1}`,
    ),
  );
  for (const t of threads) await t.join();
  return [...seen].sort();
}
