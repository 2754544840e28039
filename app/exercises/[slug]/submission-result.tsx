"use client";

import { useEffect, useRef, useState } from "react";
import type { CheckView, SubmissionView } from "@/server/submissions/submission-view";
import { FailureDetails } from "./failure-details";
import { formatScore } from "./my-submissions";
import { PerformanceDetails } from "./performance-details";
import { TraceTimeline } from "./trace-timeline";
import { STATUS_LABELS, verdictClass, verdictLabel } from "./verdicts";
import { WaitForGraph } from "./wait-for-graph";

const POLL_MS = 500;
const RETRY_MS = 2_000;
/** While graders are busy with others' work, a slower pace is plenty. */
const BUSY_POLL_MS = 5_000;

/**
 * Poll GET /api/submissions/<id> every 500 ms while the submission waits or is graded. When the
 * server says no grader is running, polling stops (nothing will change until one runs) and the
 * student may check again by hand.
 */
function useSubmission(id: string, onUpdate: (view: SubmissionView) => void) {
  const [view, setView] = useState<SubmissionView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stalled, setStalled] = useState(false);
  const checkAgain = useRef<() => void>(() => {});
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setView(null);
    setProblem(null);
    setStalled(false);
    checkAgain.current = () => {
      clearTimeout(timer);
      setStalled(false);
      void poll();
    };
    async function poll() {
      try {
        const response = await fetch(`/api/submissions/${encodeURIComponent(id)}`, { cache: "no-store" });
        if (cancelled) return;
        if (response.status === 404 || response.status === 401) {
          setProblem(
            response.status === 401
              ? "Your session ended: log in again to see this result."
              : "There is no such submission.",
          );
          return;
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const next = (await response.json()) as SubmissionView;
        if (cancelled) return;
        setProblem(null);
        setView(next);
        onUpdate(next);
        if (next.delay?.reason === "no-worker") {
          setStalled(true);
          return;
        }
        if (next.status === "queued" || next.status === "running") {
          timer = setTimeout(poll, next.delay ? BUSY_POLL_MS : POLL_MS);
        }
      } catch {
        if (cancelled) return;
        setProblem("The server did not answer; trying again…");
        timer = setTimeout(poll, RETRY_MS);
      }
    }
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, onUpdate]);
  return { view, problem, stalled, checkAgain: () => checkAgain.current() };
}

export function SubmissionResult({
  id,
  onUpdate,
  onCurrentLine,
}: {
  id: string;
  onUpdate: (view: SubmissionView) => void;
  onCurrentLine: (line: number | null) => void;
}) {
  const { view, problem, stalled, checkAgain } = useSubmission(id, onUpdate);
  const pending = !view || view.status === "queued" || view.status === "running";

  return (
    <section
      className="result"
      aria-labelledby="result-heading"
      data-testid="submission-result"
      data-submission={id}
      aria-busy={pending}
    >
      <h2 id="result-heading">Result</h2>
      {view ? (
        <p className="muted small">
          Submitted{" "}
          <time dateTime={view.createdAt} suppressHydrationWarning>
            {new Date(view.createdAt).toLocaleString()}
          </time>
          {view.attempts > 1 ? ` · graded on attempt ${view.attempts}` : null}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="result-status" data-testid="result-status">
        {problem ? (
          <p className="notice">{problem}</p>
        ) : stalled ? (
          <div className="notice grading-delayed" data-testid="grading-delayed">
            <p>
              <strong>Grading is delayed: no grader is running.</strong> Your submission is saved and keeps its place in
              line; it will be graded when a grader starts. If this lasts, tell your instructor.
            </p>
            <button type="button" className="button small" onClick={checkAgain}>
              Check again
            </button>
          </div>
        ) : view?.delay?.reason === "busy" ? (
          <p className="pending">
            <span className="spinner" aria-hidden="true" />
            Waiting for a grader: {view.delay.ahead} {view.delay.ahead === 1 ? "submission" : "submissions"} ahead of
            yours…
          </p>
        ) : pending ? (
          <p className="pending">
            <span className="spinner" aria-hidden="true" />
            {view ? STATUS_LABELS[view.status] : "Loading"}…
          </p>
        ) : view?.status === "failed" ? (
          <p className="form-error">{view.error ?? "This submission could not be graded."}</p>
        ) : view?.result ? (
          <p className="verdict-line">
            <span
              className={`verdict-badge verdict-${verdictClass(view.result.verdict)}`}
              data-testid="verdict"
              data-verdict={view.result.verdict}
            >
              {verdictLabel(view.result.verdict)}
            </span>
            <span className="score" data-testid="score">
              {formatScore(view.result.score)} / {formatScore(view.result.maxScore)} points
            </span>
          </p>
        ) : null}
      </div>

      {view?.status === "done" && view.result ? (
        <>
          {view.result.unreadable ? (
            <p className="notice">The details of this result cannot be shown (its report could not be read).</p>
          ) : null}
          {view.result.diagnostics.length > 0 ? (
            <div className="evidence">
              <h3>Your code does not compile</h3>
              <ul className="diagnostics">
                {view.result.diagnostics.map((d, i) => (
                  <li key={i}>
                    <code>
                      solution.ts:{d.line}:{d.column}
                    </code>{" "}
                    {d.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {view.result.checks.length > 0 ? <CheckList checks={view.result.checks} /> : null}
          <PerformanceDetails checks={view.result.checks} />
          {view.result.onlyHiddenChecksFailed ? (
            <p className="notice">
              A hidden check failed. Hidden checks do not show their details: think about the cases the visible checks
              do not try (more threads, other orders).
            </p>
          ) : null}
          {view.result.failure ? (
            <>
              <FailureDetails failure={view.result.failure} />
              <WaitForGraph failure={view.result.failure} />
              <TraceTimeline key={id} failure={view.result.failure} onCurrentLine={onCurrentLine} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function CheckList({ checks }: { checks: CheckView[] }) {
  return (
    <div>
      <h3>Checks</h3>
      <ul className="checks" data-testid="checks">
        {checks.map((check, i) => (
          <li key={i} className={`check ${check.passed ? "check-passed" : "check-failed"}`}>
            <span className="check-mark" aria-hidden="true">
              {check.passed ? "✓" : "✗"}
            </span>
            <div className="check-body">
              <p className="check-title">
                {check.title}
                <span className="visually-hidden">{check.passed ? " — passed" : " — failed"}</span>
                {check.kind === "hidden" ? <span className="tag">hidden</span> : null}
                {check.kind === "visible" ? (
                  <span className="muted small">
                    {" "}
                    {formatScore(check.earned)} / {formatScore(check.points)} points
                  </span>
                ) : null}
              </p>
              {check.kind === "visible" && !check.passed ? (
                <>
                  <p className="check-message">
                    <span className={`verdict-badge small verdict-${verdictClass(check.verdict)}`}>
                      {verdictLabel(check.verdict)}
                    </span>{" "}
                    {check.message}
                  </p>
                  {check.feedback ? <p className="check-feedback">Hint: {check.feedback}</p> : null}
                </>
              ) : null}
              {check.kind === "visible" && check.passed ? <p className="muted small">{check.message}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
