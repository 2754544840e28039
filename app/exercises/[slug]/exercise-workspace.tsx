"use client";

import { useCallback, useRef, useState, useTransition, type ReactNode } from "react";
import type { SubmissionSummary } from "@/server/submissions/list-my-submissions";
import type { SubmissionView } from "@/server/submissions/submission-view";
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

  const submit = () => {
    if (submitting || archived) return;
    const code = editor.current?.getValue() ?? "";
    const tooLarge = codeTooLargeMessage(code);
    setSubmitError(tooLarge);
    if (tooLarge) return;
    startSubmit(async () => {
      let outcome: Awaited<ReturnType<typeof submitSolutionAction>>;
      try {
        outcome = await submitSolutionAction(slug, code);
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
        createdAt: new Date().toISOString(),
        verdict: null,
        score: null,
        maxScore: null,
      };
      setSubmissions((list) => [summary, ...list.filter((item) => item.id !== outcome.id)]);
      open(outcome.id);
    });
  };

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
          onSubmitShortcut={submit}
          onReady={onReady}
          onChange={setEditorCode}
          highlightLine={highlightLine}
          serialLines={serialLines}
        />
        <div className="submit-bar">
          <button
            type="button"
            className="button primary"
            onClick={submit}
            disabled={submitting || archived}
            aria-describedby={submitError ? "submit-error" : undefined}
          >
            {submitting ? "Submitting…" : "Submit"}
          </button>
          <span className="muted small">
            {archived
              ? "This exercise was retired: it no longer takes submissions."
              : "Graded under stress schedules: the result opens above the statement."}
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
