import "server-only";

/**
 * The address log-in throttling counts per: the last X-Forwarded-For entry. `next start` fills
 * the header with the socket's address when the request has none; a reverse proxy appends the
 * address it saw (nginx: `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`), so the
 * last entry is the one a client cannot choose. Without a proxy, a client that sends the header
 * itself can pick its address: SECURITY.md says to serve beyond loopback only behind a proxy.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").at(-1)?.trim() ?? "";
  return last === "" ? "unknown" : last.slice(0, 64);
}
