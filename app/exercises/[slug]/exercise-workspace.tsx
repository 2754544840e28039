"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import type { SubmissionSummary } from "@/server/submissions/list-my-submissions";
import type { SubmissionView } from "@/server/submissions/submission-view";
import type { SubmissionKind } from "@/server/submissions/submit-solution.schema";
import { listOlderSubmissionsAction, submitSolutionAction } from "../../_actions/submissions";
import type { EditorApi } from "./code-editor";
import { codeTooLargeMessage } from "./code-size";
import { ExerciseEditor } from "./exercise-editor";
import { MySubmissions } from "./my-submissions";
import { serialLinesOf } from "./performance-details";
import { SubmissionResult } from "./submission-result";

/**
 * The exercise page's interactive half: the statement (rendered on the server) and the result
 * of the open submission on the left, the editor with its Submit button on the right, and the
 * student's past submissions. The open submission is kept in the URL (?submission=<id>).
 */
export function ExerciseWorkspace({
  slug,
  draftOwner,
  starterCode,
  savedDraft,
  archived,
  initialSubmissions,
  initialHasMore,
  initialSubmissionId,
  children,
}: {
  slug: string;
  draftOwner: string;
  starterCode: string;
  savedDraft: string | null;
  archived: boolean;
  initialSubmissions: SubmissionSummary[];
  initialHasMore: boolean;
  initialSubmissionId: string | null;
  /** The statement. */
  children: ReactNode;
}) {
  const editor = useRef<EditorApi | null>(null);
  const [submissions, setSubmissions] = useState(initialSubmissions);
  const [activeId, setActiveId] = useState(initialSubmissionId);
  const [activeCode, setActiveCode] = useState<string | null>(null);
  const [editorCode, setEditorCode] = useState<string | null>(null);
  const [highlightLine, setHighlightLine] = useState<number | null>(null);
  const [serialLines, setSerialLines] = useState<{ from: number; to: number } | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  const [sendingKind, setSendingKind] = useState<SubmissionKind>("submit");
  const [hasMore, setHasMore] = useState(initialHasMore);
  const [loadingOlder, startLoadingOlder] = useTransition();
  const [olderError, setOlderError] = useState<string | null>(null);

  const loadOlder = () => {
    const last = submissions.at(-1);
    if (!last) return;
    setOlderError(null);
    startLoadingOlder(async () => {
      try {
        const page = await listOlderSubmissionsAction(slug, last.id);
        setSubmissions((list) => [...list, ...page.submissions.filter((item) => !list.some((s) => s.id === item.id))]);
        setHasMore(page.hasMore);
      } catch {
        setOlderError("Older submissions could not be loaded: try again.");
      }
    });
  };

  const open = useCallback((id: string) => {
    setActiveId(id);
    setActiveCode(null);
    setHighlightLine(null);
    setSerialLines(null);
    const url = new URL(window.location.href);
    url.searchParams.set("submission", id);
    window.history.replaceState(window.history.state, "", url);
  }, []);

  const onUpdate = useCallback((view: SubmissionView) => {
    setActiveCode(view.code);
    setSerialLines(view.result ? serialLinesOf(view.result.checks) : null);
    setSubmissions((list) =>
      list.map((item) =>
        item.id === view.id
          ? {
              ...item,
              status: view.status,
              verdict: view.result?.verdict ?? null,
              score: view.result?.score ?? null,
              maxScore: view.result?.maxScore ?? null,
            }
          : item,
      ),
    );
  }, []);

  /** Run (the quick check, never scored) or Submit (graded and counted). */
  const send = (kind: SubmissionKind) => {
    if (submitting || archived) return;
    const code = editor.current?.getValue() ?? "";
    const tooLarge = codeTooLargeMessage(code);
    setSubmitError(tooLarge);
    if (tooLarge) return;
    setSendingKind(kind);
    startSubmit(async () => {
      let outcome: Awaited<ReturnType<typeof submitSolutionAction>>;
      try {
        outcome = await submitSolutionAction(slug, code, kind);
      } catch {
        setSubmitError("The server did not take the submission: check your connection and submit again.");
        return;
      }
      if (!outcome.ok) {
        setSubmitError(outcome.message);
        return;
      }
      const summary: SubmissionSummary = {
        id: outcome.id,
        status: "queued",
        kind,
        createdAt: new Date().toISOString(),
        verdict: null,
        score: null,
        maxScore: null,
      };
      setSubmissions((list) => [summary, ...list.filter((item) => item.id !== outcome.id)]);
      open(outcome.id);
    });
  };

  const run = () => send("run");
  const submit = () => send("submit");

  // The same keys anywhere on the page (in the editor, Monaco's own commands take them first).
  const shortcut = useRef(send);
  shortcut.current = send;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest(".monaco-editor")) return;
      event.preventDefault();
      shortcut.current(event.shiftKey ? "submit" : "run");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const onReady = useCallback((api: EditorApi) => {
    editor.current = api;
    setEditorCode(api.getValue());
  }, []);

  const codeDiffers = activeCode !== null && editorCode !== null && activeCode !== editorCode;

  return (
    <div className="exercise-body">
      <div className="exercise-left">
        {activeId ? (
          <SubmissionResult key={activeId} id={activeId} onUpdate={onUpdate} onCurrentLine={setHighlightLine} />
        ) : null}
        {codeDiffers ? (
          <p className="notice code-differs">
            The editor holds other code than this submission, so highlighted lines may not match.{" "}
            <button type="button" className="button small" onClick={() => editor.current?.setValue(activeCode ?? "")}>
              Load the submitted code
            </button>
          </p>
        ) : null}
        <MySubmissions
          submissions={submissions}
          activeId={activeId}
          onOpen={open}
          hasMore={hasMore}
          loadingOlder={loadingOlder}
          olderError={olderError}
          onLoadOlder={loadOlder}
        />
        <section className="statement" aria-label="Statement">
          {children}
        </section>
      </div>
      <section className="workspace" aria-label="Your solution">
        <ExerciseEditor
          slug={slug}
          draftOwner={draftOwner}
          starterCode={starterCode}
          savedDraft={savedDraft}
          onRunShortcut={run}
          onSubmitShortcut={submit}
          onReady={onReady}
          onChange={setEditorCode}
          highlightLine={highlightLine}
          serialLines={serialLines}
        />
        <div className="submit-bar">
          <button
            type="button"
            className="button"
            onClick={run}
            disabled={submitting || archived}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            aria-describedby={submitError ? "submit-error submit-keys" : "submit-keys"}
            data-testid="run-button"
          >
            {submitting && sendingKind === "run" ? "Running…" : "Run"}
          </button>
          <button
            type="button"
            className="button primary"
            onClick={submit}
            disabled={submitting || archived}
            aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
            aria-describedby={submitError ? "submit-error submit-keys" : "submit-keys"}
          >
            {submitting && sendingKind === "submit" ? "Submitting…" : "Submit"}
          </button>
          <span className="muted small" id="submit-keys">
            {archived ? (
              "This exercise was retired: it no longer takes submissions."
            ) : (
              <>
                <strong>Run</strong> (<kbd>Ctrl</kbd>+<kbd>Enter</kbd>) is a quick check on the visible checks, not
                scored. <strong>Submit</strong> (<kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd>) is graded under the
                full stress schedules and counts. On a Mac, <kbd>⌘</kbd> for <kbd>Ctrl</kbd>.
              </>
            )}
          </span>
        </div>
        {submitError ? (
          <p id="submit-error" className="form-error" role="alert">
            {submitError}
          </p>
        ) : null}
      </section>
    </div>
  );
}
