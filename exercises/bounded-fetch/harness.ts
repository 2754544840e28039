import { assert, io, now } from "interleave";

/**
 * How long a request may start after a slot fell free, in virtual ms, on the un-stressed
 * schedule: a Semaphore hands a released permit to a waiting thread at once (0 ms); a counter
 * polled with sleep(k) notices the free slot up to k ms late.
 */
const HANDOVER_MS = 0.75;
import { fetchAll } from "./solution";

interface Site {
  urls: string[];
  fetch: (url: string) => Promise<{ status: number; ok: boolean; text(): string }>;
  stats: { inFlight: number; peak: number; calls: Map<string, number> };
}

const bodyOf = (url: string) => `<html>${url.length * 31 + url.charCodeAt(url.length - 1)}:${url}</html>`;

/**
 * `n` pages served by a simulated web with the given latency, behind a server that
 * allows at most `limit` requests in flight from this client (it is counted here).
 */
function site(n: number, latency: number | [number, number], limit: number, seed = 7, handover = false): Site {
  const urls = Array.from({ length: n }, (_, i) => `https://pages.example/${i}`);
  const web = new io.Web(Object.fromEntries(urls.map((u) => [u, { latency, body: bodyOf(u) }])), { seed });
  const stats = { inFlight: 0, peak: 0, calls: new Map<string, number>() };
  // When each free slot fell free, the latest last (NaN: never used, nobody was kept from it).
  const freeSince: number[] = Array.from({ length: limit }, () => NaN);
  const fetch = async (url: string) => {
    stats.calls.set(url, (stats.calls.get(url) ?? 0) + 1);
    stats.inFlight++;
    stats.peak = Math.max(stats.peak, stats.inFlight);
    assert(
      stats.inFlight <= limit,
      `${stats.inFlight} requests were in flight at once (the last one to ${url}); the server allows at most ${limit}. Hold a Semaphore(${limit}) permit for the whole request.`,
    );
    const freed = freeSince.pop()!;
    if (handover && !Number.isNaN(freed))
      assert(
        now() - freed <= HANDOVER_MS,
        `the request to ${url} started ${(now() - freed).toFixed(3)} ms after a slot fell free. A waiting thread should take a freed slot at once: block on a Semaphore, do not poll a counter with sleep().`,
      );
    try {
      return await web.fetch(url);
    } finally {
      stats.inFlight--;
      freeSince.push(now());
    }
  };
  return { urls, fetch, stats };
}

async function checkRun(n: number, latency: number | [number, number], limit: number, handover = false): Promise<Site> {
  const s = site(n, latency, limit, 7, handover);
  const got = await fetchAll(s.urls, s.fetch, limit);
  const what = `${n} pages with at most ${limit} in flight`;
  assert(Array.isArray(got), `${what}: fetchAll should resolve to an array, got ${typeof got}`);
  for (const u of s.urls) {
    const c = s.stats.calls.get(u) ?? 0;
    assert(c === 1, `${what}: ${u} was requested ${c} times, expected once`);
  }
  assert(got.length === n, `${what}: expected ${n} bodies, got ${got.length}`);
  for (let i = 0; i < n; i++)
    assert(
      got[i] === bodyOf(s.urls[i]!),
      `${what}: result[${i}] should be the body of ${s.urls[i]}, got ${JSON.stringify(got[i])}. Results go in the order of the URLs, not in the order the responses arrive.`,
    );
  assert(s.stats.inFlight === 0, `${what}: fetchAll returned while ${s.stats.inFlight} requests were still in flight`);
  return s;
}

/** Six pages of 20–60 ms, two at a time. */
export async function small() {
  await checkRun(6, [20, 60], 2);
}

/** Twelve pages of 10–40 ms, at most three at a time. */
export async function limit() {
  await checkRun(12, [10, 40], 3);
}

/**
 * Forty pages of 100 ms, eight at a time: 500 ms of virtual time when the limit is used.
 * Only the un-stressed schedule runs here, so a freed slot must be taken at once.
 */
export async function many() {
  await checkRun(40, [90, 110], 8, true);
}

export async function edges() {
  await checkRun(0, 10, 3);
  await checkRun(3, [5, 30], 10);
  await checkRun(4, [5, 30], 1);
}
