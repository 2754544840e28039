// Alternate: one createTask per URL awaited in order (instead of gather), and the retry written as a loop that sleeps before every fetch but the first.
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

async function refreshOne(tools: Tools, url: string): Promise<number> {
  let page: Page | null = null;
  for (let attempt = 0; page === null || page.status === 503; attempt++) {
    if (attempt > 0) await asyncio.sleep(RETRY_AFTER_MS); // waiting, not spinning: others run
    page = await tools.fetch(url);
  }
  let sum = 0;
  for (let part = 0; part < PARTS; part++) {
    await asyncio.sleep(0); // hand the loop over before each CPU slice
    sum += await tools.digest(page.body, part);
  }
  return sum;
}

export async function refreshAll(tools: Tools, urls: readonly string[]): Promise<number[]> {
  const tasks = urls.map((url, i) => asyncio.createTask(() => refreshOne(tools, url), { name: `refresh-${i}` }));
  const sums: number[] = [];
  for (const t of tasks) sums.push(await t);
  return sums;
}
