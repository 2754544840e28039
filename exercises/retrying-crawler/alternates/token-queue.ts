// Alternate: the in-flight limit is a queue of maxInFlight tokens (take one to send, put it back after), with tasks made by createTask, instead of a Semaphore and gather.
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
  const tokens = new asyncio.Queue<number>();
  for (let t = 0; t < maxInFlight; t++) await tokens.put(t);

  const attempt = async (url: string): Promise<Response | null> => {
    const token = await tokens.get();
    try {
      return await asyncio.waitFor(() => fetch(url), timeoutMs);
    } catch {
      return null;
    } finally {
      tokens.putNowait(token);
    }
  };

  const get = async (url: string): Promise<string | null> => {
    for (let k = 0; k <= retries; k++) {
      const response = await attempt(url);
      if (response === null || response.status >= 500) continue;
      return response.ok ? response.text() : null;
    }
    return null;
  };

  const tasks = urls.map((url) => asyncio.createTask(() => get(url)));
  const results: (string | null)[] = [];
  for (const t of tasks) results.push(await t);
  return results;
}
