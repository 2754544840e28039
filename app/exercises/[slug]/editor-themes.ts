import type * as Monaco from "monaco-editor";
import type { Theme } from "../../_lib/theme";

// Monaco's own "vs" and "vs-dark", with the colours that failed WCAG contrast in them raised
// (axe-core: the gutter's line numbers, the dimmed last one included) and the page's background, so the editor sits in the
// page in both themes (issue 14).

export const EDITOR_THEMES: Record<Theme, string> = { light: "interleave-light", dark: "interleave-dark" };

let defined = false;

export function defineEditorThemes(monaco: typeof Monaco): void {
  if (defined) return;
  defined = true;
  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: "vs",
    inherit: true,
    rules: [],
    colors: {
      "editor.background": "#ffffff",
      "editorLineNumber.foreground": "#4a5d6b",
      // The last line's number when the text ends with a newline (renderFinalNewline "dimmed").
      "editorLineNumber.dimmedForeground": "#5f6b76",
      "editorLineNumber.activeForeground": "#1b1f24",
    },
  });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    // vs-dark's comments (#608b4e) are under 4.5:1 on this background.
    rules: [{ token: "comment", foreground: "7fae6a" }],
    colors: {
      "editor.background": "#1d2126",
      "editorLineNumber.foreground": "#9aa4af",
      "editorLineNumber.dimmedForeground": "#8a949e",
      "editorLineNumber.activeForeground": "#e6e8eb",
    },
  });
}
