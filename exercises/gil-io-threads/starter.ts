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

/**
 * Fetch every article and count its words, using `threads` worker threads; resolve to the counts
 * in the order of `urls`. Fetch each URL once.
 *
 * This version uses one thread: every request waits for the previous one.
 */
export async function indexAll(tools: Tools, urls: readonly string[], threads: number): Promise<number[]> {
  // TODO: start `threads` worker threads that share the URLs between them (a Queue of indices works
  // well), let each write its counts into its own cells of a SharedArray, and join them all.
  void threads;
  const counts: number[] = [];
  for (const url of urls) counts.push(await tools.countWords(await tools.fetch(url)));
  return counts;
}
