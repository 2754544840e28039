import { assert, currentThread, io, now, work } from "interleave";
import { indexAll, type Page, type Tools } from "./solution";

const PARSE_MS = 5;

function makeSite(n: number, latency: number | [number, number], seed = 11) {
  const urls = Array.from({ length: n }, (_, i) => `https://wiki.example/article/${i + 1}`);
  const web = new io.Web(
    Object.fromEntries(urls.map((url, i) => [url, { latency, body: "word ".repeat(1 + (i % 9)) }])),
    {
      seed,
    },
  );
  return { urls, web };
}

async function index(n: number, latency: number | [number, number], threads: number): Promise<number> {
  const { urls, web } = makeSite(n, latency);
  const fetchers = new Set<string>();
  let counted = 0;
  const tools: Tools = {
    async fetch(url) {
      fetchers.add(currentThread().name);
      const r = await web.fetch(url);
      return { status: r.status, body: r.body };
    },
    async countWords(page: Page) {
      counted++;
      await work(PARSE_MS);
      return page.body.split(" ").filter((w) => w !== "").length;
    },
  };
  const start = now();
  const counts = await indexAll(tools, urls, threads);
  const elapsed = now() - start;
  assert(Array.isArray(counts), `indexAll should resolve to an array, got ${typeof counts}`);
  assert(counts.length === n, `${n} articles on ${threads} threads: expected ${n} counts, got ${counts.length}`);
  urls.forEach((url, i) => {
    assert(
      web.requests(url) === 1,
      `${n} articles on ${threads} threads: ${url} was fetched ${web.requests(url)} times, expected once`,
    );
    assert(
      counts[i] === 1 + (i % 9),
      `${n} articles on ${threads} threads: counts[${i}] should be ${1 + (i % 9)}, got ${counts[i]}`,
    );
  });
  assert(
    counted === n,
    `${n} articles on ${threads} threads: countWords() ran ${counted} times; every page must be counted with it, once (it is the CPU-bound part the GIL serializes)`,
  );
  assert(
    fetchers.size <= threads,
    `${n} articles on ${threads} threads: ${fetchers.size} different threads fetched (${[...fetchers].join(", ")}); use ${threads}`,
  );
  return elapsed;
}

export async function fewArticles() {
  await index(6, [20, 60], 3);
}

/** 16 articles of 50 ms I/O + 5 ms CPU on 8 threads: the waits overlap, the 5 ms parts take turns. */
export async function wordsOfSixteen() {
  await index(16, 50, 8);
}

export async function unevenSplits() {
  await index(7, [10, 30], 3);
  await index(2, 10, 5);
  await index(0, 10, 2);
}

export async function wordsOfForty() {
  await index(40, [30, 90], 10);
}
