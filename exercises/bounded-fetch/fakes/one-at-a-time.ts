// Fake: no concurrency: fetches one URL at a time, so the limit is never reached
import { Semaphore, SharedArray, spawn } from "interleave";

export interface Response {
  readonly status: number;
  readonly ok: boolean;
  text(): string;
}

/**
 * Fetch every URL and resolve to the bodies (`response.text()`) in the order of `urls`,
 * with at most `maxInFlight` requests in flight at any moment.
 */
export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  // One page after the other: never more than one request in flight, and very slow.
  // TODO: one thread per URL, and a Semaphore so that at most maxInFlight fetch at once.
  const bodies = new SharedArray<string>(urls.length, "bodies");
  for (let i = 0; i < urls.length; i++) {
    const response = await fetch(urls[i]!);
    await bodies.set(i, response.text());
  }
  void Semaphore;
  void spawn;
  void maxInFlight;
  return bodies.toArray();
}
