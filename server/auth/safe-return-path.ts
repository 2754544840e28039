/** Only same-site paths: "/x" but never "//evil.example", "/\\evil" or "https://…" (open redirects). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return "/";
  }
  return value;
}
