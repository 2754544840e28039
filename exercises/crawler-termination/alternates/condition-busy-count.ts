// Alternate: a plain frontier list and a count of busy workers under one Condition (the crawl is over when the frontier is empty and nobody is downloading) instead of Queue.taskDone/join and poison pills.
import { Condition, spawn } from "interleave";

export type FetchLinks = (url: string) => Promise<string[]>;

export async function crawl(start: string, fetchLinks: FetchLinks, workers: number): Promise<string[]> {
  const cond = new Condition(undefined, "frontier");
  const frontier: string[] = [start];
  const seen = new Set<string>([start]);
  let busy = 0;
  const threads = [];
  for (let w = 0; w < workers; w++) {
    threads.push(
      spawn(
        async () => {
          for (;;) {
            let url: string;
            {
              await using _ = await cond.hold();
              await cond.waitFor(() => frontier.length > 0 || busy === 0);
              if (frontier.length === 0) return; // nothing queued and nobody downloading: done
              url = frontier.shift()!;
              busy++;
            }
            let links: string[] = [];
            try {
              links = await fetchLinks(url);
            } finally {
              await using _ = await cond.hold();
              for (const link of links) {
                if (!seen.has(link)) {
                  seen.add(link);
                  frontier.push(link);
                }
              }
              busy--;
              await cond.notifyAll();
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
