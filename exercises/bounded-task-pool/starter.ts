import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

/** Waits for the URL's latency; raises ConnectionError when the request fails. */
export type Fetch = (url: string) => Promise<Page>;

/**
 * Fetch every URL and resolve to the bodies in the order of `urls` (null for a request that
 * failed), with never more than `limit` requests in flight at once. Called from inside asyncio.run().
 *
 * This version is concurrent but unbounded: it sends every request at once.
 */
export async function crawlBounded(fetch: Fetch, urls: readonly string[], limit: number): Promise<(string | null)[]> {
  // TODO: let at most `limit` requests be in flight (asyncio.Semaphore), and make sure a failed
  // request gives its place back.
  void limit;
  const crawl = async (url: string): Promise<string | null> => {
    try {
      return (await fetch(url)).body;
    } catch (error) {
      if (error instanceof asyncio.CancelledError) throw error;
      return null;
    }
  };
  return asyncio.gather(...urls.map((url) => () => crawl(url))) as Promise<(string | null)[]>;
}
