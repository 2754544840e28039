"use client";

import Editor, { type BeforeMount, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import { saveDraftAction } from "../../_actions/drafts";
import { useColorScheme } from "../../_components/use-color-scheme";
import { localDraftKey, registerPendingSave } from "../../_lib/local-drafts";
import { codeTooLargeMessage } from "./code-size";
import { defineEditorThemes, EDITOR_THEMES } from "./editor-themes";
import { monaco } from "./monaco-setup";

// Monaco is bundled, no CDN: ./monaco-setup.ts.

// Until the runtime's declarations arrive (public/interleave.d.ts, generated from the
// grader's source by `npm run gen:types`), `import … from "interleave"` is typed as `any`
// rather than flagged as an unknown module.
const INTERLEAVE_TYPES = 'declare module "interleave";\n';
const TYPES_PATH = "file:///node_modules/@types/interleave/index.d.ts";
let declarations: Promise<string | null> | null = null;

function loadDeclarations(): Promise<string | null> {
  declarations ??= fetch("/interleave.d.ts")
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);
  return declarations;
}

export const configureTypeScript: BeforeMount = (instance) => {
  defineEditorThemes(instance);
  const ts = instance.languages.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    lib: ["esnext"],
  });
  ts.typescriptDefaults.setExtraLibs([{ content: INTERLEAVE_TYPES, filePath: TYPES_PATH }]);
  void loadDeclarations().then((text) => {
    if (text) ts.typescriptDefaults.setExtraLibs([{ content: text, filePath: TYPES_PATH }]);
  });
};

/** What the rest of the page may do with the editor. */
export type EditorApi = {
  getValue(): string;
  setValue(code: string): void;
};

export type CodeEditorProps = {
  slug: string;
  /** Whose draft this is (the logged-in user's id). */
  draftOwner: string;
  starterCode: string;
  /** The student's draft as the server holds it (drafts belong to the account): wins over the browser's copy. */
  savedDraft: string | null;
  /** Ctrl/Cmd+Enter in the editor: Run (the quick check). */
  onRunShortcut?: () => void;
  /** Ctrl/Cmd+Shift+Enter in the editor: Submit (graded). */
  onSubmitShortcut?: () => void;
  /** Called once Monaco is ready. */
  onReady?: (api: EditorApi) => void;
  onChange?: (code: string) => void;
  /** A line of the student's code to highlight (the current event of a failing interleaving). */
  highlightLine?: number | null;
  /** Lines a performance check found running serially (its explanation names them). */
  serialLines?: { from: number; to: number } | null;
};

export default function CodeEditor({
  slug,
  draftOwner,
  starterCode,
  savedDraft,
  onRunShortcut,
  onSubmitShortcut,
  onReady,
  onChange,
  highlightLine = null,
  serialLines = null,
}: CodeEditorProps) {
  const scheme = useColorScheme();
  // The server's draft follows the student to any browser. This browser keeps its own copy of
  // the account's draft only until the server has it, so a copy found here holds edits that
  // never reached the server (offline, or the tab closed mid-save): it wins, and is sent again.
  const [unsent] = useState(() => {
    window.localStorage.removeItem(`interleave:draft:${slug}`);
    return window.localStorage.getItem(localDraftKey(draftOwner, slug));
  });
  const initialCode = unsent ?? savedDraft ?? starterCode;
  const draft = useDraftSaver(slug, draftOwner);
  const resend = useRef(unsent !== null && unsent !== savedDraft ? unsent : null);
  useEffect(() => {
    if (resend.current !== null) draft.changed(resend.current);
    resend.current = null;
    // Once, at mount: `draft.changed` does the same on every render.
  }, []);
  const submitShortcut = useRef(onSubmitShortcut);
  const runShortcut = useRef(onRunShortcut);
  useEffect(() => {
    submitShortcut.current = onSubmitShortcut;
    runShortcut.current = onRunShortcut;
  }, [onSubmitShortcut, onRunShortcut]);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorationsRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const serialRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const frameRef = useRef<HTMLDivElement | null>(null);
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    decorationsRef.current = editor.createDecorationsCollection();
    serialRef.current = editor.createDecorationsCollection();
    setMounted(true);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runShortcut.current?.());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () =>
      submitShortcut.current?.(),
    );
    onReady?.({
      getValue: () => editor.getValue(),
      setValue: (code) => editor.setValue(code),
    });
  };

  useEffect(() => {
    const editor = editorRef.current;
    const decorations = decorationsRef.current;
    if (!editor || !decorations) return;
    const lines = editor.getModel()?.getLineCount() ?? 0;
    const shown = highlightLine !== null && highlightLine >= 1 && highlightLine <= lines ? highlightLine : null;
    // What is really highlighted, for tests and tools: the line number, or "" for none.
    if (frameRef.current) frameRef.current.dataset.highlightedLine = shown === null ? "" : String(shown);
    if (shown === null) {
      decorations.clear();
      return;
    }
    decorations.set([
      {
        range: new monaco.Range(shown, 1, shown, 1),
        options: {
          isWholeLine: true,
          className: "trace-line-highlight",
          linesDecorationsClassName: "trace-line-marker",
          overviewRuler: { color: "#d97706", position: monaco.editor.OverviewRulerLane.Full },
        },
      },
    ]);
    editor.revealLineInCenterIfOutsideViewport(shown);
  }, [highlightLine, mounted]);

  useEffect(() => {
    const editor = editorRef.current;
    const decorations = serialRef.current;
    if (!editor || !decorations) return;
    const lines = editor.getModel()?.getLineCount() ?? 0;
    const shown = serialLines && serialLines.from >= 1 && serialLines.to <= lines ? serialLines : null;
    if (frameRef.current) frameRef.current.dataset.serialLines = shown ? `${shown.from}-${shown.to}` : "";
    if (!shown) {
      decorations.clear();
      return;
    }
    decorations.set([
      {
        range: new monaco.Range(shown.from, 1, shown.to, 1),
        options: {
          isWholeLine: true,
          className: "serial-line-highlight",
          linesDecorationsClassName: "serial-line-marker",
          hoverMessage: { value: "Ran serially: only one thread was computing here." },
          overviewRuler: { color: "#a61b1b", position: monaco.editor.OverviewRulerLane.Full },
        },
      },
    ]);
    editor.revealLinesInCenterIfOutsideViewport(shown.from, shown.to);
  }, [serialLines?.from, serialLines?.to, mounted]);

  const resetToStarter = () => {
    editorRef.current?.setValue(starterCode);
  };

  return (
    <div className="editor">
      <div className="editor-toolbar">
        <span className="muted">
          <code>solution.ts</code> · TypeScript
        </span>
        <span className="draft-status muted small" role="status" data-testid="draft-status">
          {draft.status}
        </span>
        <button type="button" className="button small" onClick={resetToStarter}>
          Reset to starter code
        </button>
      </div>
      <p className="editor-keys muted small" id="editor-keys" data-testid="editor-keys">
        In the editor, Tab indents. To leave it with the keyboard, press <kbd>Ctrl</kbd>+<kbd>M</kbd> (<kbd>Ctrl</kbd>+
        <kbd>Shift</kbd>+<kbd>M</kbd> on a Mac), then Tab moves the focus. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (
        <kbd>⌘</kbd>+<kbd>Enter</kbd>) runs the quick check; <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> (
        <kbd>⌘</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd>) submits for grading.
      </p>
      <div className="editor-frame" data-testid="editor" ref={frameRef}>
        <Editor
          path={`file:///exercises/${slug}/solution.ts`}
          defaultLanguage="typescript"
          defaultValue={initialCode}
          beforeMount={configureTypeScript}
          onMount={onMount}
          theme={EDITOR_THEMES[scheme]}
          onChange={(value) => {
            if (value === undefined) return;
            draft.changed(value);
            onChange?.(value);
          }}
          options={{
            minimap: { enabled: false },
            fontSize: 14,
            tabSize: 2,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            fixedOverflowWidgets: true,
            ariaLabel: "Solution editor. Tab indents; press Control+M to make Tab move the focus instead.",
          }}
          loading="Loading the editor…"
        />
      </div>
    </div>
  );
}

const SAVE_AFTER_MS = 800;

/**
 * Save the draft on the server a moment after the student stops typing (one request per pause,
 * not per key), with a copy in this browser until the server has it. A draft over the size
 * limit is not sent: the server action's body limit would answer with an error page.
 */
function useDraftSaver(slug: string, owner: string) {
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  const pending = useRef<string | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  // Log-out sends what is still waiting for the pause (and waits for a save on its way), and so
  // does leaving the page for another one.
  useEffect(() => {
    const unregister = registerPendingSave(async () => {
      clearTimeout(timer.current);
      const code = pending.current;
      pending.current = null;
      await inFlight.current;
      if (code !== null) await saveDraftAction(slug, code);
    });
    return () => {
      unregister();
      clearTimeout(timer.current);
      if (pending.current !== null) void saveDraftAction(slug, pending.current).catch(() => {});
    };
  }, [slug]);
  const changed = (code: string) => {
    try {
      window.localStorage.setItem(localDraftKey(owner, slug), code);
    } catch {
      // Storage full (a huge paste): the server copy is the one that counts.
    }
    clearTimeout(timer.current);
    pending.current = null;
    const tooLarge = codeTooLargeMessage(code);
    if (tooLarge) {
      setStatus(`Draft not saved: ${tooLarge}`);
      return;
    }
    pending.current = code;
    timer.current = setTimeout(() => {
      pending.current = null;
      const request = ++latest.current;
      setStatus("Saving draft…");
      inFlight.current = saveDraftAction(slug, code).then(
        (outcome) => {
          if (request !== latest.current) return;
          if (outcome.ok) {
            // The server has it now: the browser's copy is no longer needed (unless newer edits wait).
            if (pending.current === null) window.localStorage.removeItem(localDraftKey(owner, slug));
            setStatus("Draft saved");
          } else {
            setStatus(`Draft not saved: ${outcome.message}`);
          }
        },
        () => {
          if (request === latest.current) setStatus("Draft kept in this browser: the server did not answer.");
        },
      );
    }, SAVE_AFTER_MS);
  };
  return { status, changed };
}
