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
  try {
    return (await conn.get()).body;
  } finally {
    // Runs on success, on ConnectionError, and when waitFor cancels us (CancelledError).
    conn.close();
  }
}

// A home-made timeout: race the request against a timer and take whichever finishes first.
// The loser is never cancelled: a late request keeps running (and its connection stays open).
async function fetchOne(client: Client, url: string, timeoutMs: number): Promise<Outcome> {
  const request = asyncio.createTask(async (): Promise<Outcome> => {
    try {
      return { url, status: "ok", body: await download(client, url) };
    } catch {
      return { url, status: "error" };
    }
  });
  const timer = asyncio.createTask(() => asyncio.sleep(timeoutMs));
  for await (const _ of asyncio.asCompleted([request, timer])) break;
  return request.done() ? request.result() : { url, status: "timeout" };
}

export async function fetchWithDeadline(
  client: Client,
  urls: readonly string[],
  timeoutMs: number,
): Promise<Outcome[]> {
  return asyncio.gather(...urls.map((url) => () => fetchOne(client, url, timeoutMs))) as Promise<Outcome[]>;
}
