import { Lock, spawn, type Thread } from "interleave";

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

/** One lock per key: clients working on different keys never wait for each other. */
class KeyLocks {
  readonly #locks = new Map<string, Lock>();
  for(key: string): Lock {
    // No await between the lookup and the insert: no other thread can run in between.
    let lock = this.#locks.get(key);
    if (!lock) {
      lock = new Lock(`key ${key}`);
      this.#locks.set(key, lock);
    }
    return lock;
  }
}

async function execute(db: Database, locks: KeyLocks, line: string): Promise<string> {
  const [command, key, value, ...rest] = line.trim().split(/\s+/);
  const args = [key, value].filter((x) => x !== undefined).length;
  const arity: Record<string, number> = { GET: 1, SET: 2, INCR: 1, DEL: 1 };
  if (command === undefined || arity[command] === undefined || args !== arity[command] || rest.length > 0)
    return "ERROR unknown command";
  const lock = locks.for(key!);
  await lock.acquire();
  let answer: string;
  switch (command) {
    case "GET":
      answer = (await db.get(key!)) ?? "NIL";
      break;
    case "SET":
      await db.set(key!, value);
      answer = "OK";
      break;
    case "INCR": {
      const current = (await db.get(key!)) ?? "0";
      // The early return skips the release below: the key stays locked forever.
      if (!/^-?\d+$/.test(current)) return "ERROR not a number";
      answer = String(Number(current) + 1);
      await db.set(key!, answer);
      break;
    }
    default: {
      const existed = (await db.get(key!)) !== undefined;
      if (existed) await db.set(key!, undefined);
      answer = existed ? "1" : "0";
    }
  }
  lock.release();
  return answer;
}

async function handle(conn: Connection, db: Database, locks: KeyLocks): Promise<void> {
  try {
    for (let line = await conn.readLine(); line !== null; line = await conn.readLine()) {
      if (line.trim() === "QUIT") {
        await conn.writeLine("BYE");
        return;
      }
      await conn.writeLine(await execute(db, locks, line));
    }
  } finally {
    conn.close();
  }
}

export async function serve(listener: Listener, db: Database): Promise<void> {
  const locks = new KeyLocks();
  const handlers: Thread[] = [];
  for (let conn = await listener.accept(); conn !== null; conn = await listener.accept()) {
    const c = conn;
    handlers.push(spawn(() => handle(c, db, locks), `handler-${c.peer}`));
  }
  for (const h of handlers) await h.join();
}
