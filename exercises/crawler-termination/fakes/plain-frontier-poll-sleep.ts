// Fake: a plain array frontier and a plain busy count, idle workers polling it with sleep(5) (sleeping instead of blocking: few steps, each new page taken late)
import { spawn, sleep } from "interleave";

export type FetchLinks = (url: string) => Promise<string[]>;

export async function crawl(start: string, fetchLinks: FetchLinks, workers: number): Promise<string[]> {
  const seen = new Set<string>([start]);
  const todo = [start];
  let busy = 0;
  const threads = Array.from({ length: workers }, (_, w) =>
    spawn(
      async () => {
        while (todo.length > 0 || busy > 0) {
          const url = todo.shift();
          if (url === undefined) {
            await sleep(5);
            continue;
          }
          busy++;
          try {
            for (const link of await fetchLinks(url)) {
              if (!seen.has(link)) {
                seen.add(link);
                todo.push(link);
              }
            }
          } finally {
            busy--;
          }
        }
      },
      `Crawler-${w + 1}`,
    ),
  );
  for (const t of threads) await t.join();
  return [...seen].sort();
}
