import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const page = { nonce: "abc123", secure: false, dev: false, staticAsset: false };

describe("security headers", () => {
  it("give pages a nonce policy that forbids framing, plugins, inline scripts and eval", () => {
    const csp = contentSecurityPolicy(page);
    expect(csp).toContain("script-src 'nonce-abc123' 'strict-dynamic' 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it("allow eval only for next dev, and same-origin scripts without a nonce only in static files", () => {
    expect(contentSecurityPolicy({ ...page, dev: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
    expect(contentSecurityPolicy({ ...page, staticAsset: true })).toMatch(/script-src 'self' blob:;/);
  });

  it("send HSTS only when the site is served over HTTPS", () => {
    expect(securityHeaders(page)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...page, secure: true })["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(securityHeaders(page)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
