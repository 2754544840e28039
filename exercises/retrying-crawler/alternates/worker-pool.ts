// Alternate: maxInFlight worker tasks, each taking the next URL by index and retrying it itself, instead of one task per URL behind a semaphore.
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
  const results: (string | null)[] = new Array<string | null>(urls.length).fill(null);
  let next = 0;

  const get = async (url: string): Promise<string | null> => {
    for (let k = 0; k <= retries; k++) {
      let response: Response;
      try {
        response = await asyncio.waitFor(() => fetch(url), timeoutMs);
      } catch {
        continue; // a connection error or a timeout
      }
      if (response.status >= 500) continue;
      return response.ok ? response.text() : null;
    }
    return null;
  };

  const worker = async () => {
    while (next < urls.length) {
      const i = next++; // atomic: no await between the test and the increment
      results[i] = await get(urls[i]!);
    }
  };

  await asyncio.gather(...Array.from({ length: Math.min(maxInFlight, urls.length) }, () => worker));
  return results;
}
