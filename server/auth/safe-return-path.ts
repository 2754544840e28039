const PROBE_ORIGIN = "http://interleave.invalid";

/**
 * Only same-site paths: "/x" but never "//evil.example", "/\\evil", "https://…", nor anything with
 * a control character or a space ("/\t/evil.example": browsers drop tabs and newlines from URLs,
 * which turns it into "//evil.example"). Whatever is kept is re-read as a URL against a probe
 * origin and must stay on it, so a parser quirk we did not list cannot leave the site either.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  // C0 controls, space, DEL and C1 controls; U+2028/2029 as well.
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return "/";
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PROBE_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
