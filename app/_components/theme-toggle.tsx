"use client";

import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, type Theme } from "../_lib/theme";
import { systemTheme, useColorScheme } from "./use-color-scheme";

/**
 * A two-state toggle between the light and the dark theme. Choosing the system's own theme
 * forgets the choice (the page follows the system again); choosing the other one is kept in a
 * cookie, which the server reads to render the next page in it.
 */
export function ThemeToggle({ initial }: { initial: Theme | null }) {
  const theme = useColorScheme(initial ?? "light");
  const choose = (next: Theme) => {
    const root = document.documentElement;
    const secure = window.location.protocol === "https:" ? "; Secure" : "";
    if (next === systemTheme()) {
      delete root.dataset.theme;
      document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`;
    } else {
      root.dataset.theme = next;
      document.cookie = `${THEME_COOKIE}=${next}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE}; SameSite=Lax${secure}`;
    }
  };
  const dark = theme === "dark";
  return (
    <button
      type="button"
      className="button link-button theme-toggle"
      aria-pressed={dark}
      onClick={() => choose(dark ? "light" : "dark")}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{dark ? "☾ " : "☀ "}</span>
      Dark theme
    </button>
  );
}
