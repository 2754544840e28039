import { asyncio } from "interleave";

export interface Page {
  status: number;
  body: string;
}

/** One connection to the server: get() waits for the answer (or raises ConnectionError). Close it when done. */
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

async function fetchOne(client: Client, url: string, timeoutMs: number): Promise<Outcome> {
  void timeoutMs; // TODO: use it
  const conn = client.connect(url);
  try {
    // TODO: give up after timeoutMs (asyncio.waitFor) — and make sure the connection is still closed then.
    const page = await conn.get();
    conn.close();
    return { url, status: "ok", body: page.body };
  } catch {
    return { url, status: "error" };
  }
}

/**
 * Fetch every URL concurrently, giving each request at most `timeoutMs` virtual ms. Resolve to
 * one outcome per URL, in the order of `urls`. When you return, no request may still be running
 * and every connection must be closed. Called from inside asyncio.run().
 */
export async function fetchWithDeadline(
  client: Client,
  urls: readonly string[],
  timeoutMs: number,
): Promise<Outcome[]> {
  return asyncio.gather(...urls.map((url) => () => fetchOne(client, url, timeoutMs))) as Promise<Outcome[]>;
}
