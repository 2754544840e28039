import { assert, asyncio, io, now } from "interleave";
import { measure } from "interleave/harness";
import { crawl, type CrawlOptions } from "./solution";

/**
 * How long a URL's first attempt may start after a slot it could have taken fell free, in
 * virtual ms. A semaphore hands a freed permit to a waiting request at once (0 ms, plus a few
 * loop turns: 0.18 ms for the reference); a counter polled with asyncio.sleep(k) notices it up to k ms later.
 */
const HANDOVER_MS = 0.75;

/** What one attempt at a URL does. */
type Outcome = "ok" | "error" | "503" | "404" | "hang";

const bodyOf = (url: string) => `<html>${url.length * 31 + url.charCodeAt(url.length - 1)}:${url}</html>`;

interface Plan {
  url: string;
  /** Attempt k does script[k]; attempts past the end repeat the last entry. */
  script: Outcome[];
}

function profile(url: string, outcome: Outcome, latency: number, hang: number): io.UrlProfile {
  switch (outcome) {
    case "ok":
      return { latency, body: bodyOf(url) };
    case "error":
      return { latency: 30, failRate: 1, failWith: "error" };
    case "503":
      return { latency: 30, status: 503, body: "service unavailable" };
    case "404":
      return { latency: 20, status: 404, body: "not found" };
    case "hang":
      return { latency: hang, body: bodyOf(url) };
  }
}

/**
 * What the solution should answer for a plan. A "hang" that was cancelled by a time limit
 * is a failed attempt; one that was waited out answered (slowly: the makespan check is
 * where that costs).
 */
function expected(plan: Plan, retries: number, waitedOut: boolean[]): { body: string | null; attempts: number } {
  for (let k = 0; k <= retries; k++) {
    const o = plan.script[Math.min(k, plan.script.length - 1)]!;
    if (o === "ok" || (o === "hang" && waitedOut[k])) return { body: bodyOf(plan.url), attempts: k + 1 };
    if (o === "404") return { body: null, attempts: k + 1 };
  }
  return { body: null, attempts: retries + 1 };
}

/**
 * `handover`: "measure" records, for every URL's first attempt, how long the slot it took had
 * been free (the metric "first-try-wait", read on the un-stressed schedule: stress schedules
 * delay tasks on purpose); "assert" fails the run when one waited more than HANDOVER_MS
 * (for checks that only run the un-stressed schedule).
 */
async function checkCrawl(
  name: string,
  plans: Plan[],
  options: CrawlOptions,
  latency = 100,
  hang = 2000,
  handover: "measure" | "assert" = "measure",
) {
  // One simulated web per attempt number: attempt k at a URL follows that URL's script[k].
  const depth = Math.max(1, ...plans.map((p) => p.script.length));
  const webs = Array.from(
    { length: depth },
    (_, k) =>
      new io.Web(
        Object.fromEntries(
          plans.map((p) => [p.url, profile(p.url, p.script[Math.min(k, p.script.length - 1)]!, latency, hang)]),
        ),
        { seed: 5 + k },
      ),
  );
  const attempts = new Map<string, number>();
  const waitedOut = new Map<string, boolean[]>();
  let inFlight = 0;
  // When each free slot fell free, the latest last: a first attempt takes the latest one.
  // A slot never used yet has no such time (NaN): nobody can have been kept from it.
  const freeSince: number[] = Array.from({ length: options.maxInFlight }, () => NaN);
  const scripts = new Map(plans.map((p) => [p.url, p.script]));
  const fetch = async (url: string) => {
    const script = scripts.get(url);
    assert(script !== undefined, `${name}: fetch(${JSON.stringify(url)}) is not one of the URLs`);
    const k = attempts.get(url) ?? 0;
    attempts.set(url, k + 1);
    inFlight++;
    assert(
      inFlight <= options.maxInFlight,
      `${name}: ${inFlight} requests were in flight at once (the last one to ${url}); at most ${options.maxInFlight} are allowed. Hold an asyncio.Semaphore permit for each attempt.`,
    );
    const freed = freeSince.pop()!;
    if (k === 0 && !Number.isNaN(freed)) {
      const waited = now() - freed;
      if (handover === "measure") measure("first-try-wait", waited);
      else
        assert(
          waited <= HANDOVER_MS,
          `${name}: the first request to ${url} started ${waited.toFixed(3)} ms after a slot fell free. A waiting request should take a freed slot at once: wait on an asyncio.Semaphore, not on a counter polled with asyncio.sleep().`,
        );
    }
    const answered = waitedOut.get(url) ?? [];
    waitedOut.set(url, answered);
    answered[k] = false;
    try {
      const response = await webs[Math.min(k, depth - 1)]!.fetch(url);
      answered[k] = true;
      return response;
    } finally {
      inFlight--;
      freeSince.push(now());
    }
  };
  const urls = plans.map((p) => p.url);
  const got = await asyncio.run(() => crawl(urls, fetch, options));
  assert(Array.isArray(got), `${name}: crawl should resolve to an array, got ${typeof got}`);
  assert(got.length === plans.length, `${name}: expected ${plans.length} results, got ${got.length}`);
  plans.forEach((p, i) => {
    const want = expected(p, options.retries, waitedOut.get(p.url) ?? []);
    const n = attempts.get(p.url) ?? 0;
    const story = p.script.join(", then ");
    assert(
      n === want.attempts,
      `${name}: ${p.url} (${story}) was tried ${n} times, expected ${want.attempts} with retries = ${options.retries}. Retry connection errors, timeouts and 5xx answers; never retry a 4xx answer; stop after 1 + retries attempts.`,
    );
    assert(
      got[i] === want.body,
      `${name}: result[${i}] for ${p.url} (${story}) should be ${want.body === null ? "null" : "its body"}, got ${JSON.stringify(got[i])}`,
    );
  });
  assert(inFlight === 0, `${name}: crawl returned while ${inFlight} requests were still in flight`);
}

const url = (i: number) => `https://site.example/page/${i}`;

export async function healthy() {
  const plans = Array.from({ length: 8 }, (_, i): Plan => ({ url: url(i), script: ["ok"] }));
  await checkCrawl("8 healthy pages", plans, { maxInFlight: 3, timeoutMs: 500, retries: 2 }, 40);
}

export async function transientFailures() {
  const plans: Plan[] = [
    { url: url(0), script: ["error", "ok"] },
    { url: url(1), script: ["503", "503", "ok"] },
    { url: url(2), script: ["ok"] },
    { url: url(3), script: ["404"] },
    { url: url(4), script: ["error", "503", "ok"] },
    { url: url(5), script: ["ok"] },
  ];
  await checkCrawl("transient failures", plans, { maxInFlight: 2, timeoutMs: 500, retries: 2 }, 40);
}

/** 60 pages of 100 ms, 10 in flight; some hang for 5 s on their first attempt, some fail. */
export async function sixtyPages() {
  const plans = Array.from({ length: 60 }, (_, i): Plan => {
    if (i === 58) return { url: url(i), script: ["error"] };
    if (i === 59) return { url: url(i), script: ["404"] };
    if (i % 10 === 3) return { url: url(i), script: ["hang", "ok"] };
    if (i % 10 === 7) return { url: url(i), script: ["error", "ok"] };
    if (i % 15 === 11) return { url: url(i), script: ["503", "503", "ok"] };
    return { url: url(i), script: ["ok"] };
  });
  await checkCrawl("60 pages", plans, { maxInFlight: 10, timeoutMs: 200, retries: 2 }, 100, 5000, "assert");
}

export async function deadAndSlow() {
  const plans: Plan[] = [
    { url: url(0), script: ["error"] },
    { url: url(1), script: ["hang", "ok"] },
    { url: url(2), script: ["503"] },
    { url: url(3), script: ["hang", "hang", "hang", "hang"] },
    { url: url(4), script: ["ok"] },
  ];
  await checkCrawl("dead and slow pages", plans, { maxInFlight: 2, timeoutMs: 150, retries: 3 }, 40, 2000);
  await checkCrawl("no pages", [], { maxInFlight: 2, timeoutMs: 150, retries: 3 });
}
