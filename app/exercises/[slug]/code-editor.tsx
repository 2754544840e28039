"use client";

import Editor, { loader, type BeforeMount, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useRef, useState } from "react";

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

// Until the grader publishes the runtime's declarations, `import … from "interleave"` is
// typed as `any` rather than flagged as an unknown module.
const INTERLEAVE_TYPES = 'declare module "interleave";\n';

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
  ts.typescriptDefaults.setExtraLibs([
    { content: INTERLEAVE_TYPES, filePath: "file:///node_modules/@types/interleave/index.d.ts" },
  ]);
};

function draftKey(slug: string): string {
  return `interleave:draft:${slug}`;
}

export default function CodeEditor({ slug, starterCode }: { slug: string; starterCode: string }) {
  // The draft lives in this browser until submissions exist (a later issue stores them).
  const [initialCode] = useState(() => window.localStorage.getItem(draftKey(slug)) ?? starterCode);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
  };

  const resetToStarter = () => {
    editorRef.current?.setValue(starterCode);
    window.localStorage.removeItem(draftKey(slug));
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
      <div className="editor-frame" data-testid="editor">
        <Editor
          path={`file:///exercises/${slug}/solution.ts`}
          defaultLanguage="typescript"
          defaultValue={initialCode}
          beforeMount={configureTypeScript}
          onMount={onMount}
          onChange={(value) => {
            if (value !== undefined) window.localStorage.setItem(draftKey(slug), value);
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
