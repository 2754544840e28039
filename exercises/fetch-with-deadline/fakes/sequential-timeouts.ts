// Fake: no concurrency: one request at a time, each with its own timeout, so the deadline is missed
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

export async function fetchWithDeadline(
  client: Client,
  urls: readonly string[],
  timeoutMs: number,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const url of urls) {
    const conn = client.connect(url);
    try {
      const page = await asyncio.waitFor(
        asyncio.createTask(() => conn.get()),
        timeoutMs,
      );
      out.push({ url, status: "ok", body: page.body });
    } catch (error) {
      out.push({ url, status: error instanceof asyncio.TimeoutError ? "timeout" : "error" });
    } finally {
      conn.close();
    }
  }
  return out;
}
