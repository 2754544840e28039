// Fake: hard-coded work: fetches in threads but counts the words itself instead of calling the counting tool
import { spawn } from "interleave";

export interface Page {
  status: number;
  body: string;
}
export interface Tools {
  fetch(url: string): Promise<Page>;
  countWords(page: Page): Promise<number>;
}

export async function indexAll(tools: Tools, urls: readonly string[], threads: number): Promise<number[]> {
  const counts = new Array<number>(urls.length).fill(0);
  let next = 0;
  const workers = Array.from({ length: threads }, () =>
    spawn(async () => {
      while (next < urls.length) {
        const i = next++;
        const page = await tools.fetch(urls[i]!);
        counts[i] = page.body.split(" ").filter((w) => w.length > 0).length;
      }
    }),
  );
  for (const w of workers) await w.join();
  return counts;
}
