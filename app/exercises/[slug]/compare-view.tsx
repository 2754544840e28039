"use client";

import dynamic from "next/dynamic";
import type { CodeDiffProps } from "./code-diff";

// Monaco touches `window` as soon as it is imported, so the diff is loaded in the browser only.
const CodeDiff = dynamic(() => import("./code-diff"), {
  ssr: false,
  loading: () => (
    <div className="editor-frame diff-frame editor-loading" aria-busy="true">
      Loading the comparison…
    </div>
  ),
});

export function CompareView(props: CodeDiffProps) {
  return <CodeDiff {...props} />;
}
