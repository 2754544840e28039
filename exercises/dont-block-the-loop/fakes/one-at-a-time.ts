// Fake: no concurrency: fetches and digests one page at a time, so nothing ever waits behind a digest
import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}
export interface Tools {
  fetch(url: string): Promise<Page>;
  digest(body: string, part: number): Promise<number>;
}
export const PARTS = 16;
export const RETRY_AFTER_MS = 40;

export async function refreshAll(tools: Tools, urls: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for (const url of urls) {
    let page = await tools.fetch(url);
    while (page.status !== 200) {
      await asyncio.sleep(RETRY_AFTER_MS);
      page = await tools.fetch(url);
    }
    let sum = 0;
    for (let part = 0; part < PARTS; part++) {
      sum += await tools.digest(page.body, part);
      await asyncio.sleep(0);
    }
    out.push(sum);
  }
  return out;
}
