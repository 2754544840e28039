import { asyncio } from "interleave";

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

export interface Backend {
  /** The price of a symbol (waits for the quote service), or null for an unknown symbol. */
  price(symbol: string): Promise<number | null>;
}

async function answer(backend: Backend, line: string): Promise<string> {
  const [command, symbol, ...rest] = line.trim().split(/\s+/);
  if (command === "PRICE" && symbol && rest.length === 0) {
    const price = await backend.price(symbol);
    return price === null ? `ERROR unknown symbol ${symbol}` : `${symbol} ${price}`;
  }
  return "ERROR unknown command";
}

async function handle(conn: Connection, backend: Backend): Promise<void> {
  try {
    for (;;) {
      const line = await conn.readLine();
      if (line === null) return; // the client went away
      if (line.trim() === "QUIT") {
        await conn.writeLine("BYE");
        return;
      }
      await conn.writeLine(await answer(backend, line));
    }
  } finally {
    conn.close();
  }
}

export async function serve(listener: Listener, backend: Backend): Promise<void> {
  const handlers = [];
  for (let conn = await listener.accept(); conn !== null; conn = await listener.accept()) {
    const c = conn;
    handlers.push(asyncio.createTask(() => handle(c, backend), { name: `handler-${c.peer}` }));
  }
  await asyncio.gather(...handlers);
}
