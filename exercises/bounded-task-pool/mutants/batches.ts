import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

export async function crawlBounded(fetch: Fetch, urls: readonly string[], limit: number): Promise<(string | null)[]> {
  const crawl = async (url: string): Promise<string | null> => {
    try {
      return (await fetch(url)).body;
    } catch (error) {
      if (error instanceof asyncio.CancelledError) throw error;
      return null;
    }
  };
  // Batches of `limit`: never too many in flight, but each batch waits for its slowest request
  // while the other permits sit idle.
  const bodies: (string | null)[] = [];
  for (let i = 0; i < urls.length; i += limit) {
    const batch = urls.slice(i, i + limit);
    bodies.push(...((await asyncio.gather(...batch.map((url) => () => crawl(url)))) as (string | null)[]));
  }
  return bodies;
}
