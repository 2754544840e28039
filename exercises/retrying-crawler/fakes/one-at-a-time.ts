// Fake: no concurrency: one attempt at a time, retried in place, never more than one request in flight
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
  { timeoutMs, retries }: CrawlOptions,
): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const url of urls) {
    let body: string | null = null;
    for (let attempt = 0; attempt <= retries && body === null; attempt++) {
      try {
        const response = await asyncio.waitFor(
          asyncio.createTask(() => fetch(url)),
          timeoutMs,
        );
        if (response.ok) body = response.text();
      } catch (error) {
        if (!(error instanceof asyncio.TimeoutError) && error instanceof asyncio.CancelledError) throw error;
      }
    }
    out.push(body);
  }
  return out;
}
