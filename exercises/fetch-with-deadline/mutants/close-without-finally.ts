import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

export interface Connection {
  get(): Promise<Page>;
  close(): void;
}

export interface Client {
  connect(url: string): Connection;
}

export type Outcome =
  | { url: string; status: "ok"; body: string }
  | { url: string; status: "timeout" }
  | { url: string; status: "error" };

async function download(client: Client, url: string): Promise<string> {
  const conn = client.connect(url);
  const page = await conn.get();
  // Not reached when get() raises ConnectionError or is cancelled by waitFor: the connection leaks.
  conn.close();
  return page.body;
}

async function fetchOne(client: Client, url: string, timeoutMs: number): Promise<Outcome> {
  try {
    const body = await asyncio.waitFor(() => download(client, url), timeoutMs);
    return { url, status: "ok", body };
  } catch (error) {
    if (error instanceof asyncio.TimeoutError) return { url, status: "timeout" };
    if (error instanceof asyncio.CancelledError) throw error; // we were cancelled ourselves: let it through
    return { url, status: "error" };
  }
}

export async function fetchWithDeadline(
  client: Client,
  urls: readonly string[],
  timeoutMs: number,
): Promise<Outcome[]> {
  return asyncio.gather(...urls.map((url) => () => fetchOne(client, url, timeoutMs))) as Promise<Outcome[]>;
}
