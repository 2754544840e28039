// Fake: plain Map instead of the shared database (code between two awaits is atomic, and no disk to wait for)
import { spawn, type Thread } from "interleave";

const store = new Map<string, string>();

/** The server's side of one client connection. */
export interface Connection {
  readonly peer: string;
  /** The next line the client sent, or null once the client has disconnected. */
  readLine(): Promise<string | null>;
  writeLine(line: string): Promise<void>;
  close(): void;
}

export interface Listener {
  /** The next client to connect, or null once every client has connected. */
  accept(): Promise<Connection | null>;
}

/** The shared store: every call waits 2 virtual ms for the disk. */
export interface Database {
  get(key: string): Promise<string | undefined>;
  /** `undefined` deletes the key. */
  set(key: string, value: string | undefined): Promise<void>;
}

/** The answer to one request line (anything but QUIT). */
async function execute(db: Database, line: string): Promise<string> {
  const [command, key, value, ...rest] = line.trim().split(/\s+/);
  const args = [key, value].filter((x) => x !== undefined).length;
  const arity: Record<string, number> = { GET: 1, SET: 2, INCR: 1, DEL: 1 };
  if (command === undefined || arity[command] === undefined || args !== arity[command] || rest.length > 0)
    return "ERROR unknown command";
  // TODO: other clients' commands run at the same time as this one. An INCR reads, waits for
  // the disk, then writes: nobody may change the key in between — but clients working on other
  // keys should not have to wait either.
  void db;
  switch (command) {
    case "GET":
      return store.get(key!) ?? "NIL";
    case "SET":
      store.set(key!, value!);
      return "OK";
    case "INCR": {
      const current = store.get(key!) ?? "0";
      if (!/^-?\d+$/.test(current)) return "ERROR not a number";
      const next = String(Number(current) + 1);
      store.set(key!, next);
      return next;
    }
    default: {
      const existed = store.delete(key!);
      return existed ? "1" : "0";
    }
  }
}

/** Talk to one client until it says QUIT. */
async function handle(conn: Connection, db: Database): Promise<void> {
  for (;;) {
    // TODO: a client may also just go away — readLine() then answers null.
    const line = await conn.readLine();
    if (line === null) {
      conn.close();
      return;
    }
    if (line.trim() === "QUIT") {
      await conn.writeLine("BYE");
      conn.close();
      return;
    }
    await conn.writeLine(await execute(db, line));
  }
}

/** Serve every client that connects, one thread per connection; return when all are done. */
export async function serve(listener: Listener, db: Database): Promise<void> {
  const handlers: Thread[] = [];
  for (let conn = await listener.accept(); conn !== null; conn = await listener.accept()) {
    const c = conn;
    handlers.push(spawn(() => handle(c, db), `handler-${c.peer}`));
  }
  for (const h of handlers) await h.join();
}
