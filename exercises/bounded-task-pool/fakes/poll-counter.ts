// Fake: a plain counter of requests in flight instead of a Semaphore, polled with asyncio.sleep(0) (busy-waiting)
import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

export async function crawlBounded(fetch: Fetch, urls: readonly string[], limit: number): Promise<(string | null)[]> {
  let inFlight = 0;
  const crawl = async (url: string): Promise<string | null> => {
    // async with permits: released on every path, including a failed request.
    while (inFlight >= limit) await asyncio.sleep(0);
    inFlight++;
    try {
      return (await fetch(url)).body;
    } catch (error) {
      if (error instanceof asyncio.CancelledError) throw error;
      return null;
    } finally {
      inFlight--;
    }
  };
  return asyncio.gather(...urls.map((url) => () => crawl(url))) as Promise<(string | null)[]>;
}
