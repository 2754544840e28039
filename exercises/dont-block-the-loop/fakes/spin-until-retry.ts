// Fake: busy-waits for the retry: polls the clock with asyncio.sleep(0) until RETRY_AFTER_MS have passed (the loop spins instead of sleeping)
import { asyncio, now } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export interface Tools {
  /** Simulated network: the caller waits for the URL's latency; other tasks run meanwhile. */
  fetch(url: string): Promise<Page>;
  /** CPU: 1 ms of computation on the event loop's thread; nothing else runs meanwhile. */
  digest(body: string, part: number): Promise<number>;
}

export const PARTS = 16;
export const RETRY_AFTER_MS = 40;

async function checksum(tools: Tools, body: string): Promise<number> {
  let sum = 0;
  for (let part = 0; part < PARTS; part++) {
    sum += await tools.digest(body, part);
    // digest() computes: awaiting it does not let anyone else run. Give the loop away.
    await asyncio.sleep(0);
  }
  return sum;
}

async function refreshOne(tools: Tools, url: string): Promise<number> {
  let page = await tools.fetch(url);
  while (page.status === 503) {
    const until = now() + RETRY_AFTER_MS;
    while (now() < until) await asyncio.sleep(0);
    page = await tools.fetch(url);
  }
  return checksum(tools, page.body);
}

export async function refreshAll(tools: Tools, urls: readonly string[]): Promise<number[]> {
  return asyncio.gather(...urls.map((url) => () => refreshOne(tools, url))) as Promise<number[]>;
}
