// Fake: no concurrency: awaits every request before sending the next
/** What a fetch answers: the harness gives you a `fetch` that takes virtual time (simulated I/O). */
export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

/**
 * Fetch every URL and return the bodies in the order of `urls` (bodies[i] is the body of urls[i]).
 * Called from code that `asyncio.run()` runs, so you may create tasks and gather them.
 *
 * This version is correct but sequential: each request starts only when the previous one has
 * answered. Make the requests overlap.
 */
export async function fetchAll(fetch: Fetch, urls: readonly string[]): Promise<string[]> {
  const bodies: string[] = [];
  // TODO: start every request as a task of the event loop, then wait for all of them (asyncio.gather).
  for (const url of urls) {
    const page = await fetch(url);
    bodies.push(page.body);
  }
  return bodies;
}
