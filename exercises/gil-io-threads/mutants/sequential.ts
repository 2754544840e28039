export interface Page {
  status: number;
  body: string;
}

export interface Tools {
  fetch(url: string): Promise<Page>;
  countWords(page: Page): Promise<number>;
}

// "Threads are useless in Python because of the GIL": one thread does everything, and every
// request waits for the previous one.
export async function indexAll(tools: Tools, urls: readonly string[], threads: number): Promise<number[]> {
  void threads;
  const counts: number[] = [];
  for (const url of urls) counts.push(await tools.countWords(await tools.fetch(url)));
  return counts;
}
