import { asyncio } from "interleave";

export interface Response {
  readonly status: number;
  readonly ok: boolean;
  text(): string;
}

export interface CrawlOptions {
  /** At most this many requests in flight at any moment. */
  maxInFlight: number;
  /** An attempt that takes longer than this (virtual ms) is cancelled and counts as failed. */
  timeoutMs: number;
  /** How many times a failed attempt may be retried (so at most 1 + retries attempts). */
  retries: number;
}

/**
 * Fetch every URL concurrently and resolve to its body, or null when it could not be had,
 * in the order of `urls`. Runs inside an event loop (the grader calls it with asyncio.run).
 */
export async function crawl(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  { maxInFlight, timeoutMs, retries }: CrawlOptions,
): Promise<(string | null)[]> {
  const permits = new asyncio.Semaphore(maxInFlight, "inFlight");

  const get = async (url: string): Promise<string | null> => {
    await using _ = await permits.hold();
    // TODO: a time limit per attempt, retries for what can get better, null for what cannot.
    const response = await fetch(url);
    return response.text();
  };

  void timeoutMs;
  void retries;
  return (await asyncio.gather(...urls.map((url) => () => get(url)))) as (string | null)[];
}
