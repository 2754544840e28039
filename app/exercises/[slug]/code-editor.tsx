"use client";

import Editor, { loader, type BeforeMount, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";

// Monaco is bundled from the monaco-editor package: no CDN, so the editor works offline.
// Its language services run in web workers that the bundler emits from these URLs.
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("monaco-editor/esm/vs/language/typescript/ts.worker.js", import.meta.url));
    }
    return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url));
  },
};
loader.config({ monaco });

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

const configureTypeScript: BeforeMount = (instance) => {
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

// Drafts are per account as well as per exercise: on a shared computer (a lab, a library) the
// next student must not open the previous one's code. Drafts from before the account was part of
// the key ("interleave:draft:<slug>") belong to nobody we know, so they are dropped, not adopted.
function draftKey(owner: string, slug: string): string {
  return `interleave:draft:${owner}:${slug}`;
}

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
  /** Called once Monaco is ready. */
  onReady?: (api: EditorApi) => void;
  onChange?: (code: string) => void;
  /** A line of the student's code to highlight (the current event of a failing interleaving). */
  highlightLine?: number | null;
};

export default function CodeEditor({
  slug,
  draftOwner,
  starterCode,
  onReady,
  onChange,
  highlightLine = null,
}: CodeEditorProps) {
  // The draft is kept in this browser; submitted code is stored with each submission.
  const [initialCode] = useState(() => {
    window.localStorage.removeItem(`interleave:draft:${slug}`);
    return window.localStorage.getItem(draftKey(draftOwner, slug)) ?? starterCode;
  });
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorationsRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const frameRef = useRef<HTMLDivElement | null>(null);
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    decorationsRef.current = editor.createDecorationsCollection();
    setMounted(true);
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

  const resetToStarter = () => {
    editorRef.current?.setValue(starterCode);
    window.localStorage.removeItem(draftKey(draftOwner, slug));
  };

  return (
    <div className="editor">
      <div className="editor-toolbar">
        <span className="muted">
          <code>solution.ts</code> · TypeScript
        </span>
        <button type="button" className="button small" onClick={resetToStarter}>
          Reset to starter code
        </button>
      </div>
      <div className="editor-frame" data-testid="editor" ref={frameRef}>
        <Editor
          path={`file:///exercises/${slug}/solution.ts`}
          defaultLanguage="typescript"
          defaultValue={initialCode}
          beforeMount={configureTypeScript}
          onMount={onMount}
          onChange={(value) => {
            if (value === undefined) return;
            window.localStorage.setItem(draftKey(draftOwner, slug), value);
            onChange?.(value);
          }}
          options={{
            minimap: { enabled: false },
            fontSize: 14,
            tabSize: 2,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            fixedOverflowWidgets: true,
          }}
          loading="Loading the editor…"
        />
      </div>
    </div>
  );
}
