"use client";

import dynamic from "next/dynamic";

// Monaco touches `window` as soon as it is imported, so it is loaded in the browser only.
const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => (
    <div className="editor-frame editor-loading" aria-busy="true">
      Loading the editor…
    </div>
  ),
});

export function ExerciseEditor({ slug, starterCode }: { slug: string; starterCode: string }) {
  return <CodeEditor slug={slug} starterCode={starterCode} />;
}
