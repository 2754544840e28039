import { assert, currentThread, now, sleep } from "interleave";
import { measure } from "interleave/harness";
import { crawl } from "./solution";

// The site is the harness's: fetchLinks(url) sleeps for the page's latency (I/O: no core)
// and returns its links; it counts downloads per page and how many are in flight at once.

interface Page {
  latency: number;
  links: string[];
}

type Site = Record<string, Page>;

const page = (latency: number, ...links: string[]): Page => ({ latency, links });

async function check(site: Site, start: string, workers: number, opts: { minInFlight: number; maxTime?: number }) {
  const what = `crawling ${Object.keys(site).length} pages with ${workers} workers`;
  const main = currentThread().ident;
  const downloads = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  // "link-wait": how long a known page waited for a worker that was idle (since when each idle
  // worker has been idle, latest last; when each page became known). A worker blocked in
  // Queue.get() takes a page the moment it is put; one polling a plain list with sleep(k) up to
  // k ms later. Measured on the un-stressed schedule (stress schedules add delays on purpose).
  const idleSince: number[] = Array.from({ length: workers }, () => now());
  const knownAt = new Map<string, number>([[start, now()]]);
  const waits: number[] = [];
  const fetchLinks = async (url: string) => {
    const p = site[url];
    const idle = idleSince.pop();
    const known = knownAt.get(url);
    if (idle !== undefined && known !== undefined) waits.push(now() - Math.max(idle, known));
    assert(p !== undefined, `${what}: ${url} is not a page of the site`);
    assert(
      currentThread().ident !== main,
      `${what}: ${url} was downloaded by the thread that called crawl(): let your workers download`,
    );
    const n = (downloads.get(url) ?? 0) + 1;
    downloads.set(url, n);
    assert(n === 1, `${what}: ${url} was downloaded twice: remember the URLs you have already queued`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await sleep(p.latency);
    inFlight--;
    for (const link of p.links) if (!knownAt.has(link)) knownAt.set(link, now());
    idleSince.push(now());
    return [...p.links];
  };
  const startedAt = now();
  const found = await crawl(start, fetchLinks, workers);
  const took = now() - startedAt;
  // Recorded here, by the thread that called crawl(): the workers are the solution's threads.
  for (const w of waits) measure("link-wait", w);
  const all = Object.keys(site).sort();
  assert(Array.isArray(found), `${what}: crawl() should resolve to an array of URLs`);
  const missed = all.filter((u) => !downloads.has(u));
  assert(
    missed.length === 0,
    `${what}: ${missed.join(", ")} never downloaded. A worker that finds the queue empty while another is still downloading a page must not stop: that page may have links.`,
  );
  assert(
    JSON.stringify(found) === JSON.stringify(all),
    `${what}: returned ${JSON.stringify(found)}, expected every page of the site, sorted: ${JSON.stringify(all)}`,
  );
  assert(
    maxInFlight >= opts.minInFlight,
    `${what}: at most ${maxInFlight} download(s) were in flight at once; ${opts.minInFlight} should have overlapped. Let ${workers} threads download at the same time.`,
  );
  assert(
    maxInFlight <= workers,
    `${what}: ${maxInFlight} downloads were in flight at once: use the ${workers} workers you are given, no more (a site does not welcome a thread per link)`,
  );
  if (opts.maxTime !== undefined)
    assert(
      took <= opts.maxTime + GLUE_MS,
      `${what}: the crawl took ${took} virtual ms; with ${workers} workers it takes ${opts.maxTime}. Did some workers stop early (an empty queue, a timeout) and leave the rest of the site to the others?`,
    );
}

// How much over the ideal time the glue code of a correct solution may add: a Condition and a
// busy count re-check their predicate under notifyAll, which a Queue does not (0.14 ms on the
// late-links site). Workers that stop early take 20 ms more.
const GLUE_MS = 2;

// Latencies that are not round numbers, so that polling every k ms does not meet them.
const SMALL: Site = {
  "/": page(10.3, "/a", "/b", "/c"),
  "/a": page(9.6, "/", "/d"),
  "/b": page(11.2, "/d", "/e"),
  "/c": page(8.5),
  "/d": page(10.7, "/f", "/a"),
  "/e": page(9.4, "/f"),
  "/f": page(10.1, "/"),
};

// While the slow page /slow is downloaded, the queue is empty and the two other workers are
// idle; /slow then links to three more pages, which the three workers should share.
const LATE_LINKS: Site = {
  "/": page(10, "/slow", "/fast"),
  "/slow": page(30, "/x", "/y", "/z"),
  "/fast": page(1),
  "/x": page(10, "/"),
  "/y": page(10, "/x"),
  "/z": page(10),
};

// A page that takes long while nothing else is queued: idle workers must block until it is
// done (Queue.get), not spin on a plain frontier — 200 virtual ms of spinning runs out of the
// step budget (starvation).
const SLOW_PAGE: Site = {
  "/": page(10, "/slow", "/fast"),
  "/slow": page(200, "/x", "/y"),
  "/fast": page(1),
  "/x": page(10),
  "/y": page(10, "/"),
};

function bigSite(): Site {
  const site: Site = {};
  for (let i = 0; i < 25; i++) {
    const links = [`/p${(i * 3 + 1) % 25}`, `/p${(i * 7 + 2) % 25}`, `/p${(i + 5) % 25}`];
    site[`/p${i}`] = page(i % 5 === 0 ? 25 : 5 + (i % 3), ...links);
  }
  return site;
}
const BIG = bigSite();

export async function smallSite() {
  await check(SMALL, "/", 3, { minInFlight: 2 });
  await check(SLOW_PAGE, "/", 3, { minInFlight: 2 });
}

export async function knowsWhenToStop() {
  // "/" 10 ms, then /slow 30 ms, then /x /y /z side by side: 50 ms.
  await check(LATE_LINKS, "/", 3, { minInFlight: 3, maxTime: 50 });
}

export async function bigCrawl() {
  await check(BIG, "/p0", 4, { minInFlight: 4 });
  await check(SLOW_PAGE, "/", 4, { minInFlight: 2 });
}
