// Alternate: an in-flight counter guarded by a Condition (wait while the counter is at the limit, notify on release) instead of a Semaphore.
import { Condition, SharedArray, spawn } from "interleave";

interface Response {
  text(): string;
}

export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  const slots = new Condition(undefined, "slots");
  let inFlight = 0;
  const workers = urls.map((url, i) =>
    spawn(async () => {
      {
        await using _ = await slots.hold();
        await slots.waitFor(() => inFlight < maxInFlight);
        inFlight++;
      }
      try {
        const response = await fetch(url);
        await bodies.set(i, response.text());
      } finally {
        await using _ = await slots.hold();
        inFlight--;
        await slots.notify();
      }
    }, `Fetch-${i}`),
  );
  for (const w of workers) await w.join();
  return bodies.toArray();
}
