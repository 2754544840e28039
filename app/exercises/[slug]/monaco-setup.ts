import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

// Monaco is bundled from the monaco-editor package: no CDN, so the editor works offline.
// Its language services run in web workers that the bundler emits from these URLs. Imported
// (in the browser only) by every Monaco component: the editor and the diff of two tries.
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("monaco-editor/esm/vs/language/typescript/ts.worker.js", import.meta.url));
    }
    return new Worker(new URL("monaco-editor/esm/vs/editor/editor.worker.js", import.meta.url));
  },
};
loader.config({ monaco });

export { monaco };
