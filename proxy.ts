import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "./server/env";
import { securityHeaders } from "./app/_lib/security-headers";

// Runs before every request (Next.js 16 "proxy", formerly middleware; Node.js runtime): security
// headers on every response, static files, API routes, redirects and error pages included.
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    secure: getEnv().SESSION_COOKIE_SECURE,
    dev: process.env.NODE_ENV !== "production",
    staticAsset: request.nextUrl.pathname.startsWith("/_next/static/"),
  });
  // Next.js finds the nonce in the request's Content-Security-Policy and stamps its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
