import { Semaphore, SharedArray, spawn } from "interleave";

interface Response {
  text(): string;
}

export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  const permits = new Semaphore(maxInFlight, "inFlight");
  const workers = urls.map((url, i) =>
    spawn(async () => {
      await using _ = await permits.hold();
      const response = await fetch(url);
      await bodies.set(i, response.text());
    }, `Fetch-${i}`),
  );
  for (const w of workers) await w.join();
  return bodies.toArray();
}
