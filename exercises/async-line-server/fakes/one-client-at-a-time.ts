// Fake: no concurrency: serves one client at a time, each to the end
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

/** The answer to one request line (anything but QUIT). */
async function answer(backend: Backend, line: string): Promise<string> {
  const [command, symbol, ...rest] = line.trim().split(/\s+/);
  if (command === "PRICE" && symbol && rest.length === 0) {
    const price = await backend.price(symbol);
    return price === null ? `ERROR unknown symbol ${symbol}` : `${symbol} ${price}`;
  }
  return "ERROR unknown command";
}

/** Talk to one client until it says QUIT. */
async function handle(conn: Connection, backend: Backend): Promise<void> {
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
    await conn.writeLine(await answer(backend, line));
  }
}

/**
 * Serve every client that connects to `listener`, and return once every conversation is over.
 * Called from inside asyncio.run().
 */
export async function serve(listener: Listener, backend: Backend): Promise<void> {
  // TODO: one client at a time keeps everybody else waiting. Give each connection its own task.
  for (let conn = await listener.accept(); conn !== null; conn = await listener.accept()) await handle(conn, backend);
}
