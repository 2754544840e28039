import { asyncio, assert, io } from "interleave";
import { fetchWithDeadline, type Client, type Outcome } from "./solution";

interface Plan {
  /** Virtual ms the server takes to answer. */
  latency: number;
  /** The request fails (ConnectionError) after its latency. */
  fails?: boolean;
}

/** A client over a simulated web that counts open connections and requests still in flight. */
function makeClient(plans: Record<string, Plan>) {
  const profiles: Record<string, { latency: number; body: string; failOn?: number[] }> = {};
  for (const [url, p] of Object.entries(plans))
    profiles[url] = { latency: p.latency, body: `page ${url}`, ...(p.fails ? { failOn: [0] } : {}) };
  const web = new io.Web(profiles);
  const state = { open: 0, inFlight: 0, connections: 0 };
  const client: Client = {
    connect(url: string) {
      state.open++;
      state.connections++;
      let closed = false;
      return {
        get: async () => {
          state.inFlight++;
          try {
            const r = await web.fetch(url);
            return { status: r.status, body: r.body };
          } finally {
            state.inFlight--;
          }
        },
        close: () => {
          if (closed) return;
          closed = true;
          state.open--;
        },
      };
    },
  };
  return { client, state, web };
}

function expected(url: string, p: Plan, timeoutMs: number): string {
  if (p.latency > timeoutMs) return "timeout";
  return p.fails ? "error" : "ok";
}

/** Runs fetchWithDeadline inside an event loop and checks every outcome and the clean-up. */
async function check(plans: Record<string, Plan>, timeoutMs: number): Promise<void> {
  const urls = Object.keys(plans);
  const { client, state, web } = makeClient(plans);
  const { outcomes, open, inFlight } = await asyncio.run(async () => {
    const outcomes = await fetchWithDeadline(client, urls, timeoutMs);
    // Measured inside the loop, before asyncio.run cancels whatever was left running.
    return { outcomes, open: state.open, inFlight: state.inFlight };
  });
  assert(Array.isArray(outcomes), `fetchWithDeadline should resolve to an array, got ${typeof outcomes}`);
  assert(
    outcomes.length === urls.length,
    `${urls.length} URLs: expected ${urls.length} outcomes, got ${outcomes.length}`,
  );
  urls.forEach((url, i) => {
    const o: Outcome | undefined = outcomes[i];
    const want = expected(url, plans[url]!, timeoutMs);
    const p = plans[url]!;
    const why =
      want === "timeout"
        ? `it answers after ${p.latency} ms and the deadline is ${timeoutMs} ms`
        : want === "error"
          ? `its request fails after ${p.latency} ms`
          : `it answers after ${p.latency} ms, within the deadline of ${timeoutMs} ms`;
    assert(
      o !== undefined && o !== null && o.url === url,
      `outcomes[${i}] should be about ${url}, got ${JSON.stringify(o)}`,
    );
    assert(
      o.status === want,
      `${url} should be "${want}" (${why}), got ${JSON.stringify(o)}` +
        (want === "timeout"
          ? ". When waitFor gives up it cancels the task by raising CancelledError inside it; a catch that swallows that error turns the timeout into an ordinary result"
          : ""),
    );
    if (o.status === "ok") assert(o.body === `page ${url}`, `${url}: wrong body ${JSON.stringify(o.body)}`);
    assert(web.requests(url) === 1, `${url} was requested ${web.requests(url)} times, expected once`);
  });
  assert(
    inFlight === 0,
    `${inFlight} request(s) were still waiting for the network when fetchWithDeadline returned: a request you gave up on must be cancelled, not left running`,
  );
  assert(
    open === 0,
    `${open} of ${state.connections} connection(s) were still open when fetchWithDeadline returned: close every connection, also when its request fails or is cancelled (finally)`,
  );
}

const plans = (latencies: number[], fails: number[] = []) =>
  Object.fromEntries(
    latencies.map((latency, i) => [`https://api.example/item/${i + 1}`, { latency, fails: fails.includes(i) }]),
  );

export async function allAnswer() {
  await check(plans([20, 60, 40, 10]), 100);
}

export async function slowOnesTimeOut() {
  await check(plans([20, 500, 40, 1000, 10, 80]), 100);
}

export async function failures() {
  await check(plans([30, 50, 300, 70, 20, 250], [0, 2, 3]), 100);
}

/** Thirty requests of 51 to 391 ms (none within 4 ms of the deadline) with a deadline of 150 ms: the whole batch takes 150. */
export async function manyWithDeadline() {
  await check(
    plans(
      Array.from({ length: 30 }, (_, i) => 51 + ((i * 37) % 341)),
      [4, 11],
    ),
    150,
  );
}
