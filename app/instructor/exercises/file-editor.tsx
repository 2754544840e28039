"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
// The student editor's Monaco setup (bundled workers, no CDN; the runtime's declarations from
// public/interleave.d.ts for `import … from "interleave"` and "interleave/harness").
import { configureTypeScript } from "../../exercises/[slug]/code-editor";

export type FileEditorProps = {
  /** The file's path in the exercise folder (starter.ts, mutants/no-lock.ts, ...). */
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** What the harness's `import … from "./solution"` is typed against: the reference. */
  solutionSource: string;
};

/**
 * One Monaco editor for every file of the package: each file is its own model (its own undo
 * history), switched by `path`. Loaded with next/dynamic and ssr: false, like the student's.
 */
export default function FileEditor({ name, value, onChange, solutionSource }: FileEditorProps) {
  const solutionModel = useRef<monaco.editor.ITextModel | null>(null);
  // Models live in Monaco's global registry: a folder of their own per mounted editor, so another
  // exercise opened later in this tab never finds this one's files; disposed on unmount.
  const [root] = useState(() => `file:///authoring/${Math.random().toString(36).slice(2)}/`);
  useEffect(
    () => () => {
      for (const model of monaco.editor.getModels()) if (model.uri.toString().startsWith(root)) model.dispose();
    },
    [root],
  );

  const onMount: OnMount = () => {
    const uri = monaco.Uri.parse(`${root}solution.ts`);
    solutionModel.current = monaco.editor.getModel(uri) ?? monaco.editor.createModel(solutionSource, "typescript", uri);
  };

  useEffect(() => {
    const model = solutionModel.current;
    if (model && model.getValue() !== solutionSource) model.setValue(solutionSource);
  }, [solutionSource]);

  return (
    <div className="editor-frame" data-testid="file-editor" data-file={name}>
      <Editor
        path={`${root}${name}`}
        language={name.endsWith(".md") ? "markdown" : "typescript"}
        defaultValue={value}
        beforeMount={configureTypeScript}
        onMount={onMount}
        onChange={(next) => {
          if (next !== undefined) onChange(next);
        }}
        options={{
          minimap: { enabled: false },
          fontSize: 14,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          ariaLabel: `${name}. Tab indents; press Control+M to make Tab move the focus instead.`,
        }}
        loading="Loading the editor…"
      />
    </div>
  );
}
