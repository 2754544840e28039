import { asyncio } from "interleave";

/** What a fetch answers. status 503 means "busy, try again in RETRY_AFTER_MS". */
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

/** A page's checksum is the sum of digest(body, part) for part = 0 .. PARTS - 1. */
export const PARTS = 16;
/** A feed that answers 503 must be asked again, but not before this many virtual ms. */
export const RETRY_AFTER_MS = 40;

async function checksum(tools: Tools, body: string): Promise<number> {
  let sum = 0;
  for (let part = 0; part < PARTS; part++) sum += await tools.digest(body, part);
  return sum;
}

async function refreshOne(tools: Tools, url: string): Promise<number> {
  const page = await tools.fetch(url);
  // TODO: a 503 answer means "busy": wait RETRY_AFTER_MS without blocking the loop, then ask again.
  return checksum(tools, page.body);
}

/**
 * Fetch every feed concurrently and return their checksums in the order of `urls`. Called from
 * inside asyncio.run(), next to other tasks (a heartbeat) that must not be kept waiting.
 */
export async function refreshAll(tools: Tools, urls: readonly string[]): Promise<number[]> {
  return asyncio.gather(...urls.map((url) => () => refreshOne(tools, url))) as Promise<number[]>;
}
