// Fake: no threads at all: every request waits for the previous one
export interface Page {
  status: number;
  body: string;
}
export interface Tools {
  fetch(url: string): Promise<Page>;
  countWords(page: Page): Promise<number>;
}

export async function indexAll(tools: Tools, urls: readonly string[], _threads: number): Promise<number[]> {
  const counts: number[] = [];
  for (const url of urls) counts.push(await tools.countWords(await tools.fetch(url)));
  return counts;
}
