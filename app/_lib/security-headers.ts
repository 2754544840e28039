// The headers every response carries (set by proxy.ts). Pages get a Content-Security-Policy with
// a per-request nonce: Next.js reads it from the request and puts it on its own scripts, and
// 'strict-dynamic' lets those load the chunks they import (Monaco included). Monaco's editor
// injects <style> elements and runs its language services in workers built from /_next/static.

export type SecurityHeaderOptions = { nonce: string; secure: boolean; dev: boolean; staticAsset: boolean };

export function contentSecurityPolicy({ nonce, dev, staticAsset }: SecurityHeaderOptions): string {
  // A worker's own script response is its policy: chunks imported with importScripts carry no
  // nonce, so static files (never HTML we render) allow same-origin scripts.
  const scripts = staticAsset
    ? ["'self'", "blob:"]
    : [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'", ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Only over HTTPS (a Secure session cookie means the site is served over TLS): HSTS on plain
  // http://127.0.0.1 would be ignored at best.
  if (options.secure) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
