import { asyncio, assert, now, ValueError, work } from "interleave";
import { runPipeline, type Config, type Doc, type Page, type Tools } from "./solution";

const DOWNLOAD_MS = 20;
/** 18 to 22 ms, 20 on average: a page's download time (not a round number, so polls do not meet it). */
const downloadMs = (id: number) => DOWNLOAD_MS - 2 + ((id * 7) % 5);
const PARSE_MS = 2;
const STORE_MS = 10;
/**
 * How long a page may wait for an idle parser, or a document for an idle storer, in virtual
 * ms on the un-stressed schedule: a worker blocked in queue.get() is woken by the put at once
 * (0 ms); one polling a plain list with asyncio.sleep(k) sees the item up to k ms late. Not
 * 0.25: downloaders that end on a poison pill are charged ~0.17 ms each for the code they ran
 * (a burst), and two ending at the instant a page arrives kept a correct parser 0.35 ms away.
 */
const HANDOVER_MS = 0.75;

interface Stage {
  name: string;
  workers: number;
  active: number;
  maxActive: number;
}

/** The three services, instrumented: concurrency per stage, items waiting between stages, who got what. */
function makeTools(ids: readonly number[], malformed: ReadonlySet<number>, config: Config, handover: boolean) {
  const stages = {
    download: { name: "download", workers: config.downloaders, active: 0, maxActive: 0 },
    parse: { name: "parse", workers: config.parsers, active: 0, maxActive: 0 },
    store: { name: "store", workers: config.storers, active: 0, maxActive: 0 },
  };
  const counts = { downloaded: 0, parseStarted: 0, parsed: 0, storeStarted: 0, stored: 0 };
  const backlog = { parse: 0, store: 0 };
  const downloads = new Map<number, number>();
  const parses = new Map<number, number>();
  const stores = new Map<number, number>();
  const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
  const enter = (s: Stage) => {
    s.active++;
    s.maxActive = Math.max(s.maxActive, s.active);
  };
  const known = new Set(ids);
  // When each page was downloaded and each document parsed, and since when each parser and
  // storer has been idle (latest last; at first, all since the start).
  const readyAt = { parse: new Map<number, number>(), store: new Map<number, number>() };
  const idleSince = {
    parse: Array.from({ length: config.parsers }, () => now()),
    store: Array.from({ length: config.storers }, () => now()),
  };
  const tookAtOnce = (stage: "parse" | "store", id: number) => {
    const idle = idleSince[stage].pop();
    const ready = readyAt[stage].get(id);
    // Only parsers are held to it: storers wait for a parse to end (CPU on the loop's thread,
    // nobody else runs meanwhile), so a document may legitimately wait for a storer.
    if (!handover || stage !== "parse" || idle === undefined || ready === undefined) return;
    const waited = now() - Math.max(idle, ready);
    assert(
      waited <= HANDOVER_MS,
      `page ${id} waited ${waited.toFixed(3)} ms for a ${stage === "parse" ? "parser" : "storer"} that was idle. A worker blocked in queue.get() takes an item the moment it is put; one polling a plain list with asyncio.sleep() sees it late.`,
    );
  };
  const tools: Tools = {
    async download(id) {
      assert(known.has(id), `download(${JSON.stringify(id)}): not one of the ids`);
      // How many downloaded pages wait for a parser when a new download starts.
      backlog.parse = Math.max(backlog.parse, counts.downloaded - counts.parseStarted);
      bump(downloads, id);
      enter(stages.download);
      try {
        await asyncio.sleep(downloadMs(id));
      } finally {
        stages.download.active--;
      }
      counts.downloaded++;
      readyAt.parse.set(id, now());
      return { id, html: `<p>${"word ".repeat(id % 7)}</p>` };
    },
    async parse(page: Page) {
      assert(
        page !== null && typeof page === "object" && known.has(page.id),
        "parse() was given something download() did not return",
      );
      backlog.store = Math.max(backlog.store, counts.parsed - counts.storeStarted);
      counts.parseStarted++;
      bump(parses, page.id);
      tookAtOnce("parse", page.id);
      enter(stages.parse);
      try {
        await work(PARSE_MS);
      } finally {
        stages.parse.active--;
        idleSince.parse.push(now());
      }
      if (malformed.has(page.id)) throw new ValueError(`page ${page.id} is malformed`);
      counts.parsed++;
      readyAt.store.set(page.id, now());
      return { id: page.id, words: page.id % 7 };
    },
    async store(doc: Doc) {
      assert(
        doc !== null && typeof doc === "object" && known.has(doc.id),
        "store() was given something parse() did not return",
      );
      assert(
        doc.words === doc.id % 7,
        `store() got a document for page ${doc.id} with ${doc.words} words: not what parse() returned`,
      );
      counts.storeStarted++;
      bump(stores, doc.id);
      tookAtOnce("store", doc.id);
      enter(stages.store);
      try {
        await asyncio.sleep(STORE_MS);
      } finally {
        stages.store.active--;
        idleSince.store.push(now());
      }
      counts.stored++;
    },
  };
  return { tools, stages, counts, backlog, downloads, parses, stores };
}

async function pipeline(n: number, malformedIds: number[], config: Config, handover = false): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => 100 + i);
  const malformed = new Set(malformedIds.map((i) => 100 + i));
  const t = makeTools(ids, malformed, config, handover);
  const { reported, active } = await asyncio.run(async () => {
    const reported = await runPipeline(ids, t.tools, config);
    return { reported, active: t.stages.download.active + t.stages.parse.active + t.stages.store.active };
  });
  const what = `${n} pages (${config.downloaders} downloaders, ${config.parsers} parser(s), ${config.storers} storers, capacity ${config.capacity})`;
  for (const id of ids) {
    const d = t.downloads.get(id) ?? 0;
    const p = t.parses.get(id) ?? 0;
    const s = t.stores.get(id) ?? 0;
    assert(d === 1, `${what}: page ${id} was downloaded ${d} times, expected once`);
    assert(
      p === 1,
      `${what}: page ${id} was parsed ${p} times, expected once${p === 0 ? " (lost between download and parse)" : ""}`,
    );
    const want = malformed.has(id) ? 0 : 1;
    assert(
      s === want,
      `${what}: page ${id} was stored ${s} times, expected ${want === 0 ? "never (it is malformed)" : `once${s === 0 ? " (lost between parse and store)" : ""}`}`,
    );
  }
  assert(
    active === 0,
    `${what}: runPipeline returned while ${active} operation(s) were still running: wait until every stage is drained`,
  );
  assert(
    Array.isArray(reported),
    `runPipeline should resolve to the ids of the malformed pages, got ${typeof reported}`,
  );
  const got = [...reported].sort((a, b) => a - b).join(", ");
  const want = [...malformed].sort((a, b) => a - b).join(", ");
  assert(got === want, `${what}: the malformed pages are [${want}], runPipeline reported [${got}]`);
  for (const s of Object.values(t.stages))
    assert(
      s.maxActive <= s.workers,
      `${what}: ${s.maxActive} ${s.name}s ran at the same time; the ${s.name} stage has ${s.workers} worker(s)`,
    );
  const limit = config.capacity + 2;
  assert(
    t.backlog.parse <= limit + config.downloaders && t.backlog.store <= limit + config.parsers,
    `${what}: up to ${t.backlog.parse} downloaded pages waited for a parser and ${t.backlog.store} parsed pages for a storer; bounded queues of capacity ${config.capacity} between the stages keep a stage from running ahead of the next (back-pressure)`,
  );
}

const STANDARD: Config = { downloaders: 4, parsers: 1, storers: 2, capacity: 4 };

export async function fewPages() {
  await pipeline(8, [], { downloaders: 2, parsers: 1, storers: 2, capacity: 2 });
}

export async function malformedPages() {
  await pipeline(12, [0, 5, 11], { downloaders: 3, parsers: 1, storers: 2, capacity: 2 });
}

/**
 * 40 pages: downloads (4 × 20 ms) are the bottleneck, about 200 ms; stage after stage about 500.
 * Only the un-stressed schedule runs here, so an item must be taken by an idle worker at once.
 */
export async function throughput() {
  await pipeline(40, [3, 17, 29], STANDARD, true);
}

export async function backPressure() {
  await pipeline(30, [7], { downloaders: 6, parsers: 1, storers: 1, capacity: 2 });
}
