// "The database is away for a moment" (PostgreSQL restarting, the network to it cut, SQLite's file
// locked by a long writer) as opposed to a bug: route handlers answer the former with 503 and
// Retry-After, so a client retries and nothing it sent is lost (issue 17, fault tests).

const CODES = new Set([
  // Prisma
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028", // a transaction could not start in time: the database is too busy to answer now
  // node / pg
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08006",
  // driver adapters' error kinds
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  // better-sqlite3
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
]);

const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|database is locked|the database system is (starting up|shutting down)|terminating connection|Client has encountered a connection error|ECONNREFUSED|Socket timeout/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === "string" && CODES.has(record.code)) return true;
    if (typeof record.kind === "string" && CODES.has(record.kind)) return true;
    if (typeof record.message === "string" && MESSAGES.test(record.message)) return true;
    current = record.cause;
  }
  return false;
}

/** Seconds a client should wait before retrying a 503. */
export const UNAVAILABLE_RETRY_SECONDS = 5;
