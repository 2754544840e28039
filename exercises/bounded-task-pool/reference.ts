import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

export async function crawlBounded(fetch: Fetch, urls: readonly string[], limit: number): Promise<(string | null)[]> {
  const permits = new asyncio.Semaphore(limit);
  const crawl = async (url: string): Promise<string | null> => {
    // async with permits: released on every path, including a failed request.
    await using _ = await permits.hold();
    try {
      return (await fetch(url)).body;
    } catch (error) {
      if (error instanceof asyncio.CancelledError) throw error;
      return null;
    }
  };
  return asyncio.gather(...urls.map((url) => () => crawl(url))) as Promise<(string | null)[]>;
}
