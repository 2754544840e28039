// Fake: a plain counter of requests in flight instead of a Semaphore, polled with sleep(5) (sleeping instead of synchronising: few steps, each freed slot taken late)
import { SharedArray, spawn, sleep } from "interleave";

interface Response {
  text(): string;
}

export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  let inFlight = 0;
  const workers = urls.map((url, i) =>
    spawn(async () => {
      while (inFlight >= maxInFlight) await sleep(5);
      inFlight++;
      try {
        const response = await fetch(url);
        await bodies.set(i, response.text());
      } finally {
        inFlight--;
      }
    }, `Fetch-${i}`),
  );
  for (const w of workers) await w.join();
  return bodies.toArray();
}
