import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

export async function fetchAll(fetch: Fetch, urls: readonly string[]): Promise<string[]> {
  const getBody = async (url: string) => (await fetch(url)).body;
  // gather starts one task per coroutine function and keeps the results in argument order.
  return asyncio.gather(...urls.map((url) => () => getBody(url))) as Promise<string[]>;
}
