import { Semaphore, SharedArray, spawn } from "interleave";

interface Response {
  text(): string;
}

// Takes a permit for every request and never gives it back: after maxInFlight requests
// every other thread waits for a permit forever.
export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  const permits = new Semaphore(maxInFlight);
  const workers = urls.map((url, i) =>
    spawn(async () => {
      await permits.acquire();
      await bodies.set(i, (await fetch(url)).text());
    }),
  );
  for (const w of workers) await w.join();
  return bodies.toArray();
}
