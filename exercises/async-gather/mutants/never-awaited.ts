import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

// Creates the tasks but never waits for them: it reads results that do not exist yet.
export async function fetchAll(fetch: Fetch, urls: readonly string[]): Promise<string[]> {
  const tasks = urls.map((url) => asyncio.createTask(async () => (await fetch(url)).body));
  return tasks.map((t) => (t.done() ? t.result() : ""));
}
