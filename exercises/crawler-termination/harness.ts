import { assert, currentThread, now, sleep } from "interleave";
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
  const fetchLinks = async (url: string) => {
    const p = site[url];
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
    return [...p.links];
  };
  const startedAt = now();
  const found = await crawl(start, fetchLinks, workers);
  const took = now() - startedAt;
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
      took <= opts.maxTime,
      `${what}: the crawl took ${took} virtual ms; with ${workers} workers it takes ${opts.maxTime}. Did some workers stop early (an empty queue, a timeout) and leave the rest of the site to the others?`,
    );
}

const SMALL: Site = {
  "/": page(10, "/a", "/b", "/c"),
  "/a": page(10, "/", "/d"),
  "/b": page(10, "/d", "/e"),
  "/c": page(10),
  "/d": page(10, "/f", "/a"),
  "/e": page(10, "/f"),
  "/f": page(10, "/"),
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
