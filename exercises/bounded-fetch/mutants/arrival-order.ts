import { Lock, Semaphore, spawn } from "interleave";

interface Response {
  text(): string;
}

// Bounded (good), but every thread appends its body when its response arrives: the bodies
// come back in the order of the responses, not of the URLs.
export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies: string[] = [];
  const lock = new Lock();
  const permits = new Semaphore(maxInFlight);
  const workers = urls.map((url) =>
    spawn(async () => {
      await using _ = await permits.hold();
      const body = (await fetch(url)).text();
      await using __ = await lock.hold();
      bodies.push(body);
    }),
  );
  for (const w of workers) await w.join();
  return bodies;
}
