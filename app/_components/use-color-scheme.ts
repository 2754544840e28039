"use client";

import { useSyncExternalStore } from "react";
import { parseTheme, type Theme } from "../_lib/theme";

// The theme in effect in this browser: the student's choice (<html data-theme>), else the
// system's. Components that paint with JavaScript (Monaco)
// follow it (CSS follows the variables alone); it changes when the toggle is used or the system switches.

const DARK_QUERY = "(prefers-color-scheme: dark)";

function current(): Theme {
  return (
    parseTheme(document.documentElement.dataset.theme) ?? (window.matchMedia(DARK_QUERY).matches ? "dark" : "light")
  );
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener("change", onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => {
    media.removeEventListener("change", onChange);
    observer.disconnect();
  };
}

export function systemTheme(): Theme {
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** `serverGuess`: what the server rendered with (the cookie's theme; the system's is unknown there). */
export function useColorScheme(serverGuess: Theme = "light"): Theme {
  return useSyncExternalStore(subscribe, current, () => serverGuess);
}
