import { asyncio, assert, io, now, work } from "interleave";
import { measure } from "interleave/harness";
import { refreshAll, type Tools } from "./solution";

const PARTS = 16;
const TICK_MS = 5;
const RETRY_AFTER_MS = 40;

/** A deterministic page body and the digest of each of its parts, computed at load time (free). */
function pageBody(seed: number): string {
  let x = seed * 2654435761;
  let s = "";
  for (let i = 0; i < 512; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += String.fromCharCode(97 + (x % 26));
  }
  return s;
}

function partDigest(body: string, part: number): number {
  const size = body.length / PARTS;
  let h = 7;
  for (let i = part * size; i < (part + 1) * size; i++) h = (h * 31 + body.charCodeAt(i)) % 1_000_003;
  return h;
}

interface Site {
  urls: string[];
  web: InstanceType<typeof io.Web>;
  expected: number[];
  /** How many times each URL answers 503 before it answers the page. */
  busy: number[];
}

const digests = new Map<string, number[]>();

function makeSite(n: number, flaky: readonly number[], latency: number | [number, number]): Site {
  const urls: string[] = [];
  const profiles: Record<
    string,
    { latency: number | [number, number]; body: string; failOn?: number[]; failWith?: number }
  > = {};
  const expected: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < n; i++) {
    const url = `https://dash.example/feed/${i + 1}`;
    const body = pageBody(i + 1);
    const parts = Array.from({ length: PARTS }, (_, p) => partDigest(body, p));
    digests.set(body, parts);
    urls.push(url);
    expected.push(parts.reduce((a, b) => a + b, 0));
    profiles[url] = { latency, body };
    const failures = flaky.filter((f) => f === i).length;
    busy.push(failures);
    if (failures > 0) {
      profiles[url]!.failOn = Array.from({ length: failures }, (_, k) => k);
      profiles[url]!.failWith = 503;
    }
  }
  return { urls, web: new io.Web(profiles, { seed: 3 }), expected, busy };
}

// Sites are built at module load: the body of a module does not count as virtual time.
const SMALL = makeSite(3, [1], 20);
const RETRIES = makeSite(4, [0, 0, 2, 3, 3, 3], [10, 30]);
const DASHBOARD = makeSite(8, [1, 4, 6, 6], 30);

function toolsFor(site: Site): Tools {
  return {
    fetch: site.web.fetch,
    digest: async (body: string, part: number) => {
      const parts = digests.get(body);
      assert(parts !== undefined, "digest() was given something that is not the body of a fetched page");
      assert(
        Number.isInteger(part) && part >= 0 && part < PARTS,
        `digest(body, part): part must be 0..${PARTS - 1}, got ${part}`,
      );
      await work(1);
      return parts[part]!;
    },
  };
}

/** A task that wants to run every TICK_MS and records how late it gets the loop. */
function startHeartbeat() {
  return asyncio.createTask(
    async () => {
      let due = now() + TICK_MS;
      for (;;) {
        await asyncio.sleep(Math.max(0, due - now()));
        measure("tick", now() - due);
        due += TICK_MS;
      }
    },
    { name: "Heartbeat" },
  );
}

async function refresh(site: Site, heartbeat: boolean): Promise<void> {
  const checksums = await asyncio.run(async () => {
    const hb = heartbeat ? startHeartbeat() : null;
    try {
      return await refreshAll(toolsFor(site), site.urls);
    } finally {
      hb?.cancel();
    }
  });
  assert(Array.isArray(checksums), `refreshAll should resolve to an array, got ${typeof checksums}`);
  assert(
    checksums.length === site.urls.length,
    `${site.urls.length} feeds: expected ${site.urls.length} checksums, got ${checksums.length}`,
  );
  const log = site.web.log;
  site.urls.forEach((url, i) => {
    const asked = site.web.requests(url);
    assert(
      asked === site.busy[i]! + 1,
      `${url} answered 503 (busy) ${site.busy[i]} time(s) and should then have been asked once more: it was requested ${asked} time(s). A 503 is not the page: wait and retry.`,
    );
    const tries = log.filter((r) => r.url === url);
    for (let k = 1; k < tries.length; k++) {
      const waited = tries[k]!.start - tries[k - 1]!.end;
      assert(
        waited >= RETRY_AFTER_MS,
        `${url} was retried ${waited} ms after its 503 answer: a busy server asks for ${RETRY_AFTER_MS} ms before the next try`,
      );
    }
    assert(checksums[i] === site.expected[i], `checksum of ${url} should be ${site.expected[i]}, got ${checksums[i]}`);
  });
}

export async function smallDashboard() {
  await refresh(SMALL, false);
}

export async function retries() {
  await refresh(RETRIES, false);
}

export async function dashboard() {
  await refresh(DASHBOARD, false);
}

export async function responsive() {
  await refresh(DASHBOARD, true);
}
