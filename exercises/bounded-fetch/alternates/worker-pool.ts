// Alternate: a pool of maxInFlight workers, each taking the next URL from a shared counter, instead of one thread per URL behind a semaphore.
import { AtomicInt, SharedArray, spawn } from "interleave";

interface Response {
  text(): string;
}

export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  const next = new AtomicInt(0, "nextUrl");
  const workers = Array.from({ length: Math.min(maxInFlight, urls.length) }, (_, w) =>
    spawn(
      async () => {
        for (;;) {
          const i = await next.fetchAdd(1);
          if (i >= urls.length) return;
          const response = await fetch(urls[i]!);
          await bodies.set(i, response.text());
        }
      },
      `Worker-${w + 1}`,
    ),
  );
  for (const w of workers) await w.join();
  return bodies.toArray();
}
