import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

// Concurrent, but the bodies come back in the order the requests finish, not the order asked.
export async function fetchAll(fetch: Fetch, urls: readonly string[]): Promise<string[]> {
  const bodies: string[] = [];
  for await (const body of asyncio.asCompleted(urls.map((url) => async () => (await fetch(url)).body))) {
    bodies.push(body);
  }
  return bodies;
}
