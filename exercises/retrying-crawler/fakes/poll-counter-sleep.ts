// Fake: a plain counter of requests in flight instead of a Semaphore, polled every 5 ms with asyncio.sleep(5) (sleeping instead of synchronising: few loop turns, each freed slot taken late)
import { asyncio } from "interleave";

export interface Response {
  readonly status: number;
  readonly ok: boolean;
  text(): string;
}

export interface CrawlOptions {
  maxInFlight: number;
  timeoutMs: number;
  retries: number;
}

export async function crawl(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  { maxInFlight, timeoutMs, retries }: CrawlOptions,
): Promise<(string | null)[]> {
  let inFlight = 0;

  const attempt = async (url: string): Promise<Response | null> => {
    while (inFlight >= maxInFlight) await asyncio.sleep(5);
    inFlight++;
    try {
      return await asyncio.waitFor(() => fetch(url), timeoutMs);
    } catch {
      return null; // a connection error or a timeout: worth another try
    } finally {
      inFlight--;
    }
  };

  const get = async (url: string): Promise<string | null> => {
    for (let k = 0; k <= retries; k++) {
      const response = await attempt(url);
      if (response === null || response.status >= 500) continue;
      return response.ok ? response.text() : null; // a 4xx will not get better
    }
    return null;
  };

  return (await asyncio.gather(...urls.map((url) => () => get(url)))) as (string | null)[];
}
