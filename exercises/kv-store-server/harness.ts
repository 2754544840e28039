import { assert, io, Shared, sleep } from "interleave";
import { serve, type Database } from "./solution";

const DISK_MS = 2;

interface Client {
  name: string;
  at: number;
  requests: string[];
  think?: number;
}

/** The database: one Shared cell per key (watched by the race detector), 2 ms of disk per call. */
function makeDb(initial: Record<string, string>, keys: Iterable<string>) {
  const cells = new Map<string, Shared<string | undefined>>();
  const cell = (key: string) => {
    let c = cells.get(key);
    if (!c) {
      c = new Shared<string | undefined>(initial[key], `db[${key}]`);
      cells.set(key, c);
    }
    return c;
  };
  for (const k of keys) cell(k); // created up front, before any handler thread exists
  const db: Database = {
    async get(key: string) {
      assert(typeof key === "string", `db.get(key) needs a string, got ${typeof key}`);
      await sleep(DISK_MS);
      return cell(key).get();
    },
    async set(key: string, value: string | undefined) {
      assert(typeof key === "string", `db.set(key, value) needs a string key, got ${typeof key}`);
      assert(
        value === undefined || typeof value === "string",
        `db.set(key, value): value must be a string or undefined`,
      );
      await sleep(DISK_MS);
      await cell(key).set(value);
    },
  };
  return { db, cells };
}

/** What a client must get, replaying its own requests alone against `state` (its private keys). */
function model(state: Map<string, string>, line: string): string {
  const [command, key, value, ...rest] = line.trim().split(/\s+/);
  if (line.trim() === "QUIT") return "BYE";
  const arity: Record<string, number> = { GET: 1, SET: 2, INCR: 1, DEL: 1 };
  const args = [key, value].filter((x) => x !== undefined).length;
  if (command === undefined || arity[command] === undefined || args !== arity[command] || rest.length > 0)
    return "ERROR unknown command";
  const k = key!;
  switch (command) {
    case "GET":
      return state.get(k) ?? "NIL";
    case "SET":
      state.set(k, value!);
      return "OK";
    case "INCR": {
      const current = state.get(k) ?? "0";
      if (!/^-?\d+$/.test(current)) return "ERROR not a number";
      state.set(k, String(Number(current) + 1));
      return state.get(k)!;
    }
    default:
      return state.delete(k) ? "1" : "0";
  }
}

const SHARED_COUNTER = "hits";
const MOTD = "motd";

/**
 * Every key but "hits" and "motd" belongs to one client, so each client's answers follow from its
 * own requests alone; the INCRs of "hits" must hand out 1, 2, 3, ... once each, in some order.
 */
async function run(clients: Client[]): Promise<void> {
  const initial: Record<string, string> = { [MOTD]: "welcome" };
  const keys = new Set<string>([SHARED_COUNTER, MOTD]);
  for (const c of clients) for (const r of c.requests) keys.add(r.trim().split(/\s+/)[1] ?? "");
  keys.delete("");
  const { db, cells } = makeDb(initial, keys);
  const server = new io.Server({ clients });
  await serve(server, db);
  // The clients are daemon threads: let them read the last lines the server wrote (BYE).
  const planned = clients.reduce((n, c) => n + c.requests.length, 0);
  for (let ms = 0; ms < 50; ms++) {
    const rs = server.requests;
    if (rs.length === planned && rs.every((r) => r.response !== null)) break;
    await sleep(1);
  }
  const hits: number[] = [];
  for (const c of clients) {
    const state = new Map<string, string>([[MOTD, "welcome"]]);
    const mine = server.requests.filter((r) => r.client === c.name);
    assert(
      mine.length === c.requests.length,
      `${c.name} had ${c.requests.length} requests to send and could send ${mine.length}: was its connection closed too early?`,
    );
    for (const r of mine) {
      const key = r.request.trim().split(/\s+/)[1];
      if (key === SHARED_COUNTER && r.request.startsWith("INCR")) {
        hits.push(Number(r.response));
        continue;
      }
      const want = model(state, r.request);
      assert(
        r.response === want,
        `${c.name} sent "${r.request}" and ${r.response === null ? "got no answer" : `got "${r.response}"`}; expected "${want}"`,
      );
    }
  }
  hits.sort((a, b) => a - b);
  assert(
    hits.every((h, i) => h === i + 1),
    `the ${hits.length} INCR ${SHARED_COUNTER} requests got [${hits.join(", ")}]; one at a time they would get 1 to ${hits.length}, each once (lost update?)`,
  );
  const final = await cells.get(SHARED_COUNTER)!.get();
  assert(
    hits.length === 0 ? final === undefined : final === String(hits.length),
    `after ${hits.length} INCR ${SHARED_COUNTER}, the database holds ${JSON.stringify(final)}`,
  );
}

export async function protocol() {
  await run([
    {
      name: "solo",
      at: 0,
      requests: [
        "GET color",
        "SET color blue",
        "GET color",
        "INCR visits",
        "INCR visits",
        "INCR color",
        "DEL color",
        "DEL color",
        "GET motd",
        "SET onlykey",
        "FLY away",
        "QUIT",
      ],
    },
  ]);
}

export async function sharedCounter() {
  await run(
    Array.from({ length: 4 }, (_, i) => ({
      name: `c${i + 1}`,
      at: i,
      requests: [
        `INCR ${SHARED_COUNTER}`,
        `SET name${i} text`,
        `INCR name${i}`,
        `INCR ${SHARED_COUNTER}`,
        `SET name${i} 41`,
        `INCR name${i}`,
        `INCR ${SHARED_COUNTER}`,
        "QUIT",
      ],
    })),
  );
}

export async function disconnects() {
  await run([
    { name: "vanishes", at: 0, requests: [`INCR ${SHARED_COUNTER}`, "SET v 1"] },
    { name: "silent", at: 1, requests: [] },
    { name: "bad-incr", at: 2, requests: ["SET w word", "INCR w", "SET w 9", "INCR w"] },
    { name: "polite", at: 3, requests: [`INCR ${SHARED_COUNTER}`, "GET motd", "QUIT"] },
  ]);
}

/** 20 clients, 4 ms apart, each on its own keys plus one INCR of the shared counter. */
export async function busy() {
  await run(
    Array.from({ length: 20 }, (_, i) => ({
      name: `user${i + 1}`,
      at: i * 4,
      requests: [`SET u${i} ${i}`, `INCR u${i}`, `GET u${i}`, `INCR ${SHARED_COUNTER}`, `DEL u${i}`, "QUIT"],
    })),
  );
}
