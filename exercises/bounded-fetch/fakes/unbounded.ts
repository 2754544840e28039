// Fake: ignores the limit: one thread per URL, all in flight at once
import { SharedArray, spawn } from "interleave";

export interface Response {
  readonly status: number;
  readonly ok: boolean;
  text(): string;
}

export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  _maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  const threads = urls.map((url, i) => spawn(async () => void (await bodies.set(i, (await fetch(url)).text()))));
  for (const t of threads) await t.join();
  return bodies.toArray();
}
