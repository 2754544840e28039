"use client";

import dynamic from "next/dynamic";
import type { CodeEditorProps } from "./code-editor";

// Monaco touches `window` as soon as it is imported, so it is loaded in the browser only.
const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => (
    <div className="editor-frame editor-loading" aria-busy="true">
      Loading the editor…
    </div>
  ),
});

export function ExerciseEditor(props: CodeEditorProps) {
  return <CodeEditor {...props} />;
}
