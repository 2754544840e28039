// Simulated I/O for exercise harnesses (issue 5): nothing real happens and everything is
// deterministic. A Web answers HTTP-like requests from a table of per-URL latency and
// failure profiles; the caller is blocked for the latency in virtual time without occupying
// a core (an asyncio task gives its loop to the others meanwhile; a thread holds no GIL).
// A Server has simulated clients that connect at given virtual times and send request
// lines over byte streams; the latency of every request (sent → response line received)
// is measured for the exercise's latency checks.

import { autoName, sched } from "../engine/context";
import { RuntimeError, ValueError } from "./errors";
import { takeCancel } from "./asyncio/asyncio";
import { markUnpicklable } from "./multiprocessing/pickle";
import { Prng } from "../engine/prng";
import type { Scheduler, VThread } from "../engine/scheduler";

export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionError";
  }
}

export interface UrlProfile {
  /** Virtual ms per request: fixed, or [min, max] drawn per request (seeded). */
  latency?: number | [number, number];
  status?: number;
  body?: string;
  /** Chance that a request fails (seeded, per URL and request number). */
  failRate?: number;
  /** Request numbers (0-based, per URL) that fail, whatever the rate. */
  failOn?: number[];
  /** A failure raises ConnectionError ("error", default) or answers this status. */
  failWith?: "error" | number;
}

export interface WebOptions {
  seed?: number;
  /** For URLs the table does not name (default: 404 after 10 ms). */
  fallback?: UrlProfile;
}

export interface Response {
  readonly url: string;
  readonly status: number;
  readonly ok: boolean;
  readonly body: string;
  /** Virtual ms the request took. */
  readonly latency: number;
  text(): string;
  json(): unknown;
}

export interface RequestRecord {
  url: string;
  thread: string;
  start: number;
  end: number;
  status: number | null;
  ok: boolean;
}

/** Block the caller for `ms` of virtual time as I/O: no core, and a task yields its loop. */
async function ioWait(s: Scheduler, t: VThread, op: string, target: string, ms: number): Promise<void> {
  const deadline = s.now + Math.max(0, ms);
  while (s.now < deadline) {
    await s.block(t, { op, target, waiters: null, yieldsLoop: true }, deadline);
    takeCancel(t);
  }
}

/** A deterministic draw in [0, 1) for (seed, url, request number): the same whatever the interleaving. */
function draw(seed: number, url: string, n: number, salt: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x9e3779b1) >>> 0;
  return new Prng(h, n * 4 + salt).float();
}

export class Web {
  readonly #profiles: Map<string, UrlProfile>;
  readonly #seed: number;
  readonly #fallback: UrlProfile;
  readonly #counts = new Map<string, number>();
  readonly #log: RequestRecord[] = [];

  constructor(profiles: Record<string, UrlProfile>, options: WebOptions = {}) {
    sched();
    this.#profiles = new Map(Object.entries(profiles));
    this.#seed = options.seed ?? 0;
    this.#fallback = options.fallback ?? { latency: 10, status: 404, body: "not found" };
    for (const [url, p] of this.#profiles) validate(url, p);
    if (new.target === Web) Object.freeze(this);
  }

  /** Every request so far: who asked, when it started and ended, how it went. */
  get log(): readonly RequestRecord[] {
    return this.#log.map((r) => ({ ...r }));
  }

  /** How many requests each URL got. */
  requests(url: string): number {
    return this.#counts.get(url) ?? 0;
  }

  /** GET `url`: blocks for the URL's latency, then answers (or raises ConnectionError). */
  fetch = async (url: string): Promise<Response> => {
    const s = sched();
    const t = s.enter("fetch");
    try {
      takeCancel(t);
      if (typeof url !== "string") throw new ValueError("fetch(url) needs a string");
      const profile = this.#profiles.get(url) ?? this.#fallback;
      const n = this.#counts.get(url) ?? 0;
      this.#counts.set(url, n + 1);
      const latency = pickLatency(profile.latency ?? 10, draw(this.#seed, url, n, 0));
      const fails = (profile.failOn ?? []).includes(n) || draw(this.#seed, url, n, 1) < (profile.failRate ?? 0);
      await s.point(t);
      const start = s.now;
      s.event(t, "fetch", url, latency);
      const record: RequestRecord = { url, thread: t.name, start, end: start, status: null, ok: false };
      this.#log.push(record);
      await ioWait(s, t, "fetch", url, latency);
      record.end = s.now;
      if (fails && (profile.failWith ?? "error") === "error") {
        s.event(t, "response", url, "error");
        throw new ConnectionError(`request ${n + 1} to ${url} failed (simulated)`);
      }
      const status = fails ? Number(profile.failWith) : (profile.status ?? 200);
      record.status = status;
      record.ok = status >= 200 && status < 300;
      s.event(t, "response", url, status);
      const body = profile.body ?? "";
      return Object.freeze({
        url,
        status,
        ok: record.ok,
        body,
        latency,
        text: () => body,
        json: () => JSON.parse(body) as unknown,
      });
    } finally {
      s.leave(t);
    }
  };
}

function validate(url: string, p: UrlProfile): void {
  const l = p.latency;
  const ok =
    l === undefined ||
    (typeof l === "number" && l >= 0) ||
    (Array.isArray(l) && l.length === 2 && l[0] >= 0 && l[1] >= l[0]);
  if (!ok) throw new ValueError(`${url}: latency must be a number of ms >= 0 or [min, max]`);
  if (p.failRate !== undefined && !(p.failRate >= 0 && p.failRate <= 1))
    throw new ValueError(`${url}: failRate must be between 0 and 1`);
}

function pickLatency(latency: number | [number, number], u: number): number {
  if (typeof latency === "number") return latency;
  // In 1/16 ms steps: virtual times stay exact binary fractions.
  return Math.round((latency[0] + u * (latency[1] - latency[0])) * 16) / 16;
}

// ---- a server with simulated clients (chapter 18) ------------------------------------------

export interface ClientPlan {
  /** Virtual time at which the client connects. */
  at: number;
  /** Request lines it sends, one after the other, each after the previous response. */
  requests: string[];
  name?: string;
  /** Virtual ms between a response and the next request. */
  think?: number;
}

export interface ServerOptions {
  clients: ClientPlan[];
  name?: string;
  /** One-way network delay in virtual ms (each request and response line pays it). */
  delay?: number;
  /** Metric the request latencies are recorded under (default "request"). */
  metric?: string;
}

export interface RequestLatency {
  client: string;
  request: string;
  response: string | null;
  sentAt: number;
  answeredAt: number | null;
  latency: number | null;
}

/** A byte stream in one direction: lines (or any text) written by one side, read by the other. */
class Stream {
  data = "";
  closed = false;
  readonly waiters: VThread[] = [];
  constructor(readonly name: string) {}
}

/** The server's side of one connection: readLine/read/write, then close. */
export class ServerConnection {
  readonly #s: Scheduler;
  readonly #in: Stream;
  readonly #out: Stream;
  readonly peer: string;

  /** @internal made by Server.accept(). */
  constructor(s: Scheduler, peer: string, inbound: Stream, outbound: Stream) {
    // Only Server.accept() holds the scheduler to pass: `new io.ServerConnection(...)` is refused.
    if (s !== sched()) throw new TypeError("connections come from Server.accept()");
    this.#s = s;
    this.peer = peer;
    this.#in = inbound;
    this.#out = outbound;
    if (new.target === ServerConnection) Object.freeze(this);
  }

  /** The next line without its newline, or null once the client closed and nothing is left. */
  async readLine(): Promise<string | null> {
    const s = this.#s;
    const t = s.enter("readLine");
    try {
      takeCancel(t);
      await s.point(t);
      for (;;) {
        const i = this.#in.data.indexOf("\n");
        if (i >= 0) {
          const line = this.#in.data.slice(0, i);
          this.#in.data = this.#in.data.slice(i + 1);
          s.event(t, "readLine", this.peer, line);
          return line;
        }
        if (this.#in.closed) {
          const rest = this.#in.data;
          this.#in.data = "";
          s.event(t, "readLine", this.peer, rest === "" ? null : rest);
          return rest === "" ? null : rest;
        }
        await s.block(t, { op: "readLine", target: this.peer, waiters: this.#in.waiters, yieldsLoop: true });
        takeCancel(t);
      }
    } finally {
      s.leave(t);
    }
  }

  /** Up to `n` characters as soon as any are there ("" at end of stream). */
  async read(n = Infinity): Promise<string> {
    const s = this.#s;
    const t = s.enter("read");
    try {
      takeCancel(t);
      await s.point(t);
      while (this.#in.data === "" && !this.#in.closed) {
        await s.block(t, { op: "read", target: this.peer, waiters: this.#in.waiters, yieldsLoop: true });
        takeCancel(t);
      }
      const chunk = this.#in.data.slice(0, n);
      this.#in.data = this.#in.data.slice(chunk.length);
      s.event(t, "read", this.peer, chunk);
      return chunk;
    } finally {
      s.leave(t);
    }
  }

  /** Send text to the client (no blocking: the simulated socket buffer is unbounded). */
  async write(text: string): Promise<void> {
    const s = this.#s;
    const t = s.enter("write");
    try {
      if (this.#out.closed) throw new ConnectionError(`connection to ${this.peer} is closed`);
      await s.point(t);
      this.#out.data += String(text);
      s.event(t, "write", this.peer, text);
      for (const w of [...this.#out.waiters]) s.wake(w);
    } finally {
      s.leave(t);
    }
  }

  writeLine(line: string): Promise<void> {
    return this.write(`${line}\n`);
  }

  close(): void {
    this.#out.closed = true;
    for (const w of [...this.#out.waiters]) this.#s.wake(w);
  }
}

export class Server {
  readonly name: string;
  readonly #s: Scheduler;
  readonly #backlog: ServerConnection[] = [];
  readonly #acceptors: VThread[] = [];
  readonly #records: RequestLatency[] = [];
  /** Mutable state in one object: writes to a private field of a frozen instance take V8's slow path. */
  readonly #m: { connected: number } = { connected: 0 };
  readonly #expected: number;

  constructor(options: ServerOptions) {
    const s = sched();
    this.#s = s;
    this.name = options.name ?? autoName("Server");
    const clients = options.clients ?? [];
    if (!Array.isArray(clients)) throw new ValueError("Server needs { clients: [...] }");
    this.#expected = clients.length;
    const delay = Math.max(0, options.delay ?? 0);
    const metric = options.metric ?? "request";
    clients.forEach((plan, i) => this.#startClient(plan, i, delay, metric));
    if (new.target === Server) Object.freeze(this);
  }

  /** Latency of every request so far (sent → response line back at the client). */
  get requests(): readonly RequestLatency[] {
    return this.#records.map((r) => ({ ...r }));
  }

  #startClient(plan: ClientPlan, i: number, delay: number, metric: string): void {
    const s = this.#s;
    const name = plan.name ?? `client-${i + 1}`;
    if (!(plan.at >= 0) || !Array.isArray(plan.requests))
      throw new ValueError(`${name}: needs at >= 0 and requests: string[]`);
    const v = s.newThread(name);
    // A client never keeps the program alive: the server decides when it is done.
    v.daemon = true;
    v.state = "runnable";
    const toServer = new Stream(`${name}→${this.name}`);
    const toClient = new Stream(`${this.name}→${name}`);
    s.start(v, s.current, async () => {
      await ioWait(s, v, "connect", this.name, plan.at - s.now);
      this.#m.connected++;
      this.#backlog.push(new ServerConnection(s, name, toServer, toClient));
      s.event(v, "connect", this.name);
      for (const a of [...this.#acceptors]) s.wake(a);
      for (const request of plan.requests) {
        const record: RequestLatency = {
          client: name,
          request,
          response: null,
          sentAt: s.now,
          answeredAt: null,
          latency: null,
        };
        this.#records.push(record);
        await ioWait(s, v, "send", this.name, delay);
        toServer.data += `${request}\n`;
        s.event(v, "send", this.name, request);
        for (const w of [...toServer.waiters]) s.wake(w);
        while (!toClient.data.includes("\n") && !toClient.closed)
          await s.block(v, { op: "recv", target: this.name, waiters: toClient.waiters });
        const i = toClient.data.indexOf("\n");
        if (i < 0) break;
        const response = toClient.data.slice(0, i);
        toClient.data = toClient.data.slice(i + 1);
        await ioWait(s, v, "recv", this.name, delay);
        record.response = response;
        record.answeredAt = s.now;
        record.latency = s.now - record.sentAt;
        s.measure(metric, record.latency);
        s.event(v, "recv", this.name, response);
        if (plan.think) await ioWait(s, v, "think", name, plan.think);
      }
      toServer.closed = true;
      for (const w of [...toServer.waiters]) s.wake(w);
    });
  }

  /** The next client connection; null once every client has connected and been accepted. */
  async accept(options: { timeout?: number | null } = {}): Promise<ServerConnection | null> {
    const s = this.#s;
    const t = s.enter("accept");
    try {
      takeCancel(t);
      await s.point(t);
      const deadline =
        options.timeout === undefined || options.timeout === null ? Infinity : s.now + Math.max(0, options.timeout);
      while (this.#backlog.length === 0) {
        if (this.#m.connected >= this.#expected) {
          s.event(t, "accept", this.name, null);
          return null;
        }
        if (s.now >= deadline) throw new RuntimeError(`accept() timed out on ${this.name}`);
        await s.block(t, { op: "accept", target: this.name, waiters: this.#acceptors, yieldsLoop: true }, deadline);
        takeCancel(t);
      }
      const conn = this.#backlog.shift()!;
      s.event(t, "accept", this.name, conn.peer);
      return conn;
    } finally {
      s.leave(t);
    }
  }
}

markUnpicklable(Web, "io.Web");
markUnpicklable(Server, "io.Server");
markUnpicklable(ServerConnection, "io.ServerConnection");
