// Light and dark themes (issue 14). The page follows the system (prefers-color-scheme) unless
// the student picked the other theme: that choice is a cookie the root layout reads on the
// server and writes as <html data-theme>, so the first paint already has the right colours (no
// inline script, which the nonce-based CSP would have to allow).

export const THEME_COOKIE = "theme";
export type Theme = "light" | "dark";

export function parseTheme(value: string | undefined | null): Theme | null {
  return value === "light" || value === "dark" ? value : null;
}

/** One year: a preference, not a session. */
export const THEME_COOKIE_MAX_AGE = 365 * 24 * 3600;
