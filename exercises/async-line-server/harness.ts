import { asyncio, assert, io, sleep } from "interleave";
import { serve, type Backend } from "./solution";

const QUOTE_MS = 20;
const PRICES: Record<string, number> = { ACME: 101, BOLT: 42, CRUX: 7, DYNE: 250, EPIC: 13 };
const SYMBOLS = Object.keys(PRICES);

type Client = { at: number; requests: string[]; think?: number; name?: string };

function expectedAnswer(request: string): string {
  const parts = request.trim().split(/\s+/);
  if (parts.length === 1 && parts[0] === "QUIT") return "BYE";
  if (parts.length === 2 && parts[0] === "PRICE") {
    const p = PRICES[parts[1]!];
    return p === undefined ? `ERROR unknown symbol ${parts[1]}` : `${parts[1]} ${p}`;
  }
  return "ERROR unknown command";
}

async function run(clients: Client[]): Promise<void> {
  const server = new io.Server({ clients });
  const backend: Backend = {
    async price(symbol: string) {
      await asyncio.sleep(QUOTE_MS);
      return PRICES[symbol] ?? null;
    },
  };
  await asyncio.run(() => serve(server, backend));
  // The simulated clients are daemon threads: a client may still be reading the last line the
  // server wrote before closing (BYE). Give them a moment to finish.
  const planned = clients.reduce((n, c) => n + c.requests.length, 0);
  for (let ms = 0; ms < 50; ms++) {
    const rs = server.requests;
    if (rs.length === planned && rs.every((r) => r.response !== null)) break;
    await sleep(1);
  }
  for (const r of server.requests) {
    const want = expectedAnswer(r.request);
    assert(
      r.response === want,
      `${r.client} sent "${r.request}" and ${r.response === null ? "got no answer" : `got "${r.response}"`}; expected "${want}"`,
    );
  }
  assert(
    server.requests.length === planned,
    `the clients had ${planned} requests to send and could send ${server.requests.length}: was a connection closed too early?`,
  );
}

export async function conversation() {
  await run([
    { at: 0, requests: ["PRICE ACME", "PRICE NOPE", "HELLO", "PRICE BOLT", "QUIT"], name: "alice" },
    { at: 5, requests: ["PRICE CRUX", "PRICE", "QUIT"], name: "bob" },
  ]);
}

export async function disconnects() {
  await run([
    { at: 0, requests: ["PRICE ACME", "PRICE DYNE"], name: "leaves-without-quit" },
    { at: 3, requests: [], name: "connects-and-leaves" },
    { at: 10, requests: ["PRICE EPIC", "QUIT"], name: "polite" },
    { at: 12, requests: ["PRICE BOLT"], name: "one-question" },
  ]);
}

/** 30 clients arriving a millisecond apart, four questions each: every answer takes one quote, 20 ms. */
export async function busyMorning() {
  await run(
    Array.from({ length: 30 }, (_, i) => ({
      at: i,
      requests: [0, 1, 2, 3]
        .map((k) => `PRICE ${SYMBOLS[(i + k) % SYMBOLS.length]}`)
        .concat(i % 3 === 0 ? ["QUIT"] : []),
      name: `trader-${i + 1}`,
    })),
  );
}

export async function interleavedClients() {
  await run(
    Array.from({ length: 8 }, (_, i) => ({
      at: (i * 7) % 11,
      think: 1 + (i % 4) * 3,
      requests: [0, 1, 2].map((k) => `PRICE ${SYMBOLS[(i * 2 + k) % SYMBOLS.length]}`),
      name: `desk-${i + 1}`,
    })),
  );
}
