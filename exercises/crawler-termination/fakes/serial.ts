// Fake: no concurrency — one breadth-first loop in the calling thread.
/** Downloads a page (it takes its latency in virtual time) and resolves to the links on it. */
export type FetchLinks = (url: string) => Promise<string[]>;

/**
 * Crawl the site from `start`: download every page reachable by links exactly once, with
 * `workers` threads downloading at the same time, and return every URL found, sorted.
 * The crawl must end on its own once there is nothing left to download.
 */
export async function crawl(start: string, fetchLinks: FetchLinks, workers: number): Promise<string[]> {
  // One page at a time: correct, but every download waits for the previous one.
  // TODO: `workers` threads sharing a Queue of URLs, and a way to know when to stop.
  void workers;
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length > 0) {
    const url = todo.shift()!;
    for (const link of await fetchLinks(url)) {
      if (!seen.has(link)) {
        seen.add(link);
        todo.push(link);
      }
    }
  }
  return [...seen].sort();
}
