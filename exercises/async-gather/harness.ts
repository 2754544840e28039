import { asyncio, assert, io, now } from "interleave";
import { fetchAll } from "./solution";

type Latency = number | [number, number];

/** A simulated web where every URL answers "body of <url>" after its latency. */
function makeWeb(latencies: Record<string, Latency>, seed = 1) {
  const profiles: Record<string, { latency: Latency; body: string }> = {};
  for (const [url, latency] of Object.entries(latencies)) profiles[url] = { latency, body: `body of ${url}` };
  return new io.Web(profiles, { seed });
}

/** Runs fetchAll in an event loop; checks the bodies, their order and one request per URL; returns the virtual ms it took. */
async function check(latencies: Record<string, Latency>, seed = 1): Promise<number> {
  const web = makeWeb(latencies, seed);
  const urls = Object.keys(latencies);
  const start = now();
  const bodies = await asyncio.run(() => fetchAll(web.fetch, urls));
  const elapsed = now() - start;
  assert(Array.isArray(bodies), `fetchAll should resolve to an array of bodies, got ${typeof bodies}`);
  assert(bodies.length === urls.length, `${urls.length} URLs: expected ${urls.length} bodies, got ${bodies.length}`);
  urls.forEach((url, i) => {
    assert(
      bodies[i] === `body of ${url}`,
      `bodies[${i}] should be the body of ${url} ("body of ${url}"), got ${JSON.stringify(bodies[i])}: results must be in the order of the URLs, not the order the answers arrive`,
    );
    assert(web.requests(url) === 1, `${url} was requested ${web.requests(url)} times, expected once`);
  });
  return elapsed;
}

const site = (n: number, latency: (i: number) => Latency) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`https://news.example/story/${i + 1}`, latency(i)]));

/** Five stories whose answers arrive in another order than they were asked for. */
export async function inOrder() {
  await check(site(5, (i) => [50, 10, 40, 20, 30][i]!));
  await check({});
}

/** Ten stories of 100 ms each: 100 ms when they overlap, 1,000 one after the other. */
export async function tenStories() {
  await check(site(10, () => 100));
}

/** Forty stories of 20 to 200 ms (seeded): about the slowest one when they overlap. */
export async function fortyStories() {
  await check(
    site(40, () => [20, 200]),
    7,
  );
}
