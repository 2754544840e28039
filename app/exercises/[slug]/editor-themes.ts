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
  // Every colour below keeps 4.5:1 on the editor's background and on the tints drawn over it
  // (the current step's line, the serial lines, the diff's inserted and removed lines), which
  // is why the tints are light and some token colours darker (light) or lighter (dark).
  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "comment", foreground: "006400" },
      { token: "number", foreground: "05603f" },
      { token: "type", foreground: "00666b" },
    ],
    colors: {
      "editor.background": "#ffffff",
      "editorLineNumber.foreground": "#4a5d6b",
      "editorLineNumber.activeForeground": "#1b1f24",
      // The last line's number when the text ends with a newline (renderFinalNewline "dimmed").
      "editorLineNumber.dimmedForeground": "#5f6b76",
      "diffEditor.insertedTextBackground": "#9ccc2c26",
      "diffEditor.insertedLineBackground": "#9bb9551a",
      "diffEditor.removedTextBackground": "#ff00001f",
      "diffEditor.removedLineBackground": "#ff000012",
    },
  });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "comment", foreground: "8fc07a" },
      { token: "keyword", foreground: "6cb0ff" },
    ],
    colors: {
      "editor.background": "#1d2126",
      "editorLineNumber.foreground": "#9aa4af",
      "editorLineNumber.activeForeground": "#e6e8eb",
      "editorLineNumber.dimmedForeground": "#8a949e",
      "diffEditor.insertedTextBackground": "#9ccc2c14",
      "diffEditor.insertedLineBackground": "#9bb9550d",
      "diffEditor.removedTextBackground": "#ff000014",
      "diffEditor.removedLineBackground": "#ff00000d",
    },
  });
}
