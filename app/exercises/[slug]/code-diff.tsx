"use client";

import { DiffEditor, type DiffBeforeMount, type DiffOnMount } from "@monaco-editor/react";
import { useColorScheme } from "../../_components/use-color-scheme";
import { defineEditorThemes, EDITOR_THEMES } from "./editor-themes";
import "./monaco-setup";

// Two tries side by side in Monaco's diff editor (issue 14), read-only: the older one left.
// Loaded in the browser only (compare-view.tsx), like the editor.

export type CodeDiffProps = { original: string; modified: string; originalLabel: string; modifiedLabel: string };

const beforeMount: DiffBeforeMount = (instance) => defineEditorThemes(instance);

export default function CodeDiff({ original, modified, originalLabel, modifiedLabel }: CodeDiffProps) {
  const scheme = useColorScheme();
  // Monaco drops originalAriaLabel / modifiedAriaLabel given at creation: label each side's text area here.
  const onMount: DiffOnMount = (editor) => {
    editor.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
    editor.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
  };
  return (
    <div className="editor-frame diff-frame" data-testid="code-diff">
      <DiffEditor
        original={original}
        modified={modified}
        language="typescript"
        originalModelPath="file:///compare/original.ts"
        modifiedModelPath="file:///compare/modified.ts"
        beforeMount={beforeMount}
        onMount={onMount}
        theme={EDITOR_THEMES[scheme]}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          useInlineViewWhenSpaceIsLimited: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 14,
          ariaLabel: `Differences from ${originalLabel} to ${modifiedLabel}`,
          originalAriaLabel: originalLabel,
          modifiedAriaLabel: modifiedLabel,
        }}
        loading="Loading the comparison…"
      />
    </div>
  );
}
