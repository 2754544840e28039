import { asyncio, assert, io } from "interleave";
import { crawlBounded, type Fetch } from "./solution";

type Latency = number | [number, number];

/** A simulated site that records how many of its requests are in flight at once. */
function makeSite(n: number, latency: Latency, failing: readonly number[] = [], seed = 5) {
  const urls = Array.from({ length: n }, (_, i) => `https://archive.example/doc/${i + 1}`);
  const web = new io.Web(
    Object.fromEntries(
      urls.map((url, i) => [url, { latency, body: `doc ${i + 1}`, ...(failing.includes(i) ? { failOn: [0] } : {}) }]),
    ),
    { seed },
  );
  const load = { now: 0, max: 0 };
  const fetch: Fetch = async (url) => {
    load.now++;
    load.max = Math.max(load.max, load.now);
    try {
      const r = await web.fetch(url);
      return { status: r.status, body: r.body };
    } finally {
      load.now--;
    }
  };
  return { urls, web, load, fetch, failing };
}

async function crawl(site: ReturnType<typeof makeSite>, limit: number): Promise<void> {
  const { urls, web, load } = site;
  const bodies = await asyncio.run(() => crawlBounded(site.fetch, urls, limit));
  assert(Array.isArray(bodies), `crawlBounded should resolve to an array, got ${typeof bodies}`);
  assert(bodies.length === urls.length, `${urls.length} URLs: expected ${urls.length} results, got ${bodies.length}`);
  assert(
    load.max <= limit,
    `the server saw ${load.max} requests in flight at once; the limit is ${limit}. Every request must hold one of ${limit} permits while it is in flight`,
  );
  urls.forEach((url, i) => {
    const want = site.failing.includes(i) ? null : `doc ${i + 1}`;
    assert(
      bodies[i] === want,
      `result ${i} (${url}) should be ${JSON.stringify(want)}${want === null ? " (its request fails)" : ""}, got ${JSON.stringify(bodies[i])}`,
    );
    assert(web.requests(url) === 1, `${url} was requested ${web.requests(url)} times, expected once`);
  });
}

/** Twelve documents, at most three at a time. */
export async function twelveByThree() {
  await crawl(makeSite(12, [10, 40]), 3);
}

/** A failing request must give its permit back: here the first three fail. */
export async function failuresReleasePermits() {
  await crawl(makeSite(12, [10, 40], [0, 1, 2, 7]), 3);
}

/** 100 requests of 100 ms, 10 at a time: 1,000 ms exactly. */
export async function hundredByTen() {
  await crawl(makeSite(100, 100), 10);
}

/** 100 requests of 50 to 150 ms, 10 at a time: a new one starts as soon as any finishes. */
export async function unevenLatencies() {
  await crawl(makeSite(100, [50, 150], [13, 57]), 10);
}

/** Edge cases: limit 1, a limit above the number of URLs, no URLs. */
export async function edgeCases() {
  await crawl(makeSite(4, 20), 1);
  await crawl(makeSite(3, 20), 10);
  await crawl(makeSite(0, 20), 2);
}
