export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

// Each await waits for its request before the next one starts: correct, but no overlap.
export async function fetchAll(fetch: Fetch, urls: readonly string[]): Promise<string[]> {
  const bodies: string[] = [];
  for (const url of urls) bodies.push((await fetch(url)).body);
  return bodies;
}
