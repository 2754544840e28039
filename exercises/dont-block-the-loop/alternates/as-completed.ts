// Alternate: results collected with asyncio.asCompleted (each task returns its index with its sum) and the checksum's loop yielding through a helper, instead of gather.
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

/** Let every other ready task run before going on. */
const pause = () => asyncio.sleep(0);

async function fetchOk(tools: Tools, url: string): Promise<Page> {
  const page = await tools.fetch(url);
  if (page.status !== 503) return page;
  await asyncio.sleep(RETRY_AFTER_MS);
  return fetchOk(tools, url);
}

export async function refreshAll(tools: Tools, urls: readonly string[]): Promise<number[]> {
  const sums: number[] = new Array<number>(urls.length);
  const jobs = urls.map((url, i) => async (): Promise<[number, number]> => {
    const page = await fetchOk(tools, url);
    let sum = 0;
    for (let part = 0; part < PARTS; part++) {
      sum += await tools.digest(page.body, part);
      await pause();
    }
    return [i, sum];
  });
  for await (const [i, sum] of asyncio.asCompleted(jobs)) sums[i] = sum;
  return sums;
}
