export interface Page {
  status: number;
  body: string;
}

export type Fetch = (url: string) => Promise<Page>;

// The JavaScript reflex: start every request at once in the same task and Promise.all them.
// A task (like a thread) does one blocking operation at a time; concurrency needs tasks.
export async function fetchAll(fetch: Fetch, urls: readonly string[]): Promise<string[]> {
  const pages = await Promise.all(urls.map((url) => fetch(url)));
  return pages.map((p) => p.body);
}
