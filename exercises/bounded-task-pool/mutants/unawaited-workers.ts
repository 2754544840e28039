import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

export async function crawlBounded(fetch: Fetch, urls: readonly string[], limit: number): Promise<(string | null)[]> {
  // A pool of `limit` workers taking the next URL: a good design, but the workers are never
  // awaited, so the results are returned while they are still being fetched.
  const bodies: (string | null)[] = new Array<string | null>(urls.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      try {
        bodies[i] = (await fetch(urls[i]!)).body;
      } catch (error) {
        if (error instanceof asyncio.CancelledError) throw error;
        bodies[i] = null;
      }
    }
  };
  for (let w = 0; w < limit; w++) asyncio.createTask(worker);
  await asyncio.sleep(0);
  return bodies;
}
