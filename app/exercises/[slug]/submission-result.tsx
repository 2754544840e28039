"use client";

import { useEffect, useRef, useState } from "react";
import { useParams } from "next/navigation";
import type { LiveProgress } from "@/server/submissions/grading-progress";
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

/** Errors of the live stream before it falls back to polling for good. */
const STREAM_ERRORS = 3;

/**
 * Follow a submission while it waits or is graded: live progress over Server-Sent Events
 * (GET /api/submissions/<id>/events: place in line, then per check the schedules explored),
 * with GET /api/submissions/<id> read at the start, every 5 s meanwhile (it says when no grader
 * runs) and once at the end for the result. Without EventSource, or when the stream keeps
 * failing, it polls every 500 ms instead. When the server says no grader is running, it stops
 * (nothing will change until one runs) and the student may check again by hand. A reload
 * reconnects: the page opens the submission in the URL again.
 */
function useSubmission(id: string, onUpdate: (view: SubmissionView) => void) {
  const [view, setView] = useState<SubmissionView | null>(null);
  const [live, setLive] = useState<LiveProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stalled, setStalled] = useState(false);
  const checkAgain = useRef<() => void>(() => {});
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stream: EventSource | null = null;
    let streamFailed = typeof EventSource === "undefined";
    let streamErrors = 0;
    setView(null);
    setLive(null);
    setProblem(null);
    setStalled(false);
    const closeStream = () => {
      stream?.close();
      stream = null;
    };
    const openStream = () => {
      if (stream || streamFailed) return;
      const source = new EventSource(`/api/submissions/${encodeURIComponent(id)}/events`);
      stream = source;
      const read = (event: MessageEvent<string>): LiveProgress | null => {
        try {
          return JSON.parse(event.data) as LiveProgress;
        } catch {
          return null;
        }
      };
      source.addEventListener("progress", (event) => {
        streamErrors = 0;
        const next = read(event as MessageEvent<string>);
        if (next && !cancelled) setLive(next);
      });
      source.addEventListener("done", (event) => {
        const next = read(event as MessageEvent<string>);
        closeStream();
        if (cancelled) return;
        if (next) setLive(next);
        clearTimeout(timer);
        void poll();
      });
      source.onerror = () => {
        // EventSource reconnects by itself; a stream that keeps failing (a proxy that buffers,
        // a 404 for an instructor's view of another's submission) gives way to polling.
        streamErrors++;
        if (source.readyState === EventSource.CLOSED || streamErrors >= STREAM_ERRORS) {
          closeStream();
          streamFailed = true;
          clearTimeout(timer);
          if (!cancelled) timer = setTimeout(poll, POLL_MS);
        }
      };
    };
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
          closeStream();
          setStalled(true);
          return;
        }
        if (next.status === "queued" || next.status === "running") {
          openStream();
          timer = setTimeout(poll, stream || next.delay ? BUSY_POLL_MS : POLL_MS);
        } else {
          closeStream();
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
      closeStream();
    };
  }, [id, onUpdate]);
  return { view, live, problem, stalled, checkAgain: () => checkAgain.current() };
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
  const { view, live, problem, stalled, checkAgain } = useSubmission(id, onUpdate);
  const pending = !view || view.status === "queued" || view.status === "running";

  return (
    <section
      className="result"
      aria-labelledby="result-heading"
      data-testid="submission-result"
      data-submission={id}
      aria-busy={pending}
    >
      <h2 id="result-heading">{view?.kind === "run" ? "Run — not scored" : "Result"}</h2>
      {view ? (
        <p className="muted small">
          {view.kind === "run" ? "Run" : "Submitted"}{" "}
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
        ) : pending && live && !live.finished ? (
          <LiveProgressView live={live} />
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
            {view.kind === "run" ? (
              <span className="score" data-testid="score">
                Run — not scored: the visible checks only, with {RUN_NOTE}. Submit to be graded.
              </span>
            ) : (
              <span className="score" data-testid="score">
                {formatScore(view.result.score)} / {formatScore(view.result.maxScore)} points
              </span>
            )}
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
              <PlayLink
                submissionId={id}
                checks={view.result.checks}
                decisions={view.result.failure.lostUpdate?.decisions}
              />
              <WaitForGraph failure={view.result.failure} />
              <TraceTimeline key={id} failure={view.result.failure} onCurrentLine={onCurrentLine} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** "You are the scheduler" (issue 14): the failing check, from the lost update's schedule when there is one. */
function PlayLink({
  submissionId,
  checks,
  decisions,
}: {
  submissionId: string;
  checks: CheckView[];
  decisions?: number[];
}) {
  const slug = useParams<{ slug: string }>()?.slug;
  const check = checks.find((c) => c.kind === "visible" && !c.passed);
  if (!slug || !check || check.kind !== "visible") return null;
  const href = `/exercises/${encodeURIComponent(slug)}/play?submission=${encodeURIComponent(submissionId)}&check=${encodeURIComponent(check.id)}&schedule=${(decisions ?? []).join(",")}`;
  return (
    <p>
      <a href={href}>Play this schedule yourself</a>
    </p>
  );
}

/** What a Run explores (server/grading/grade-submission.ts, RUN_SCHEDULES). */
const RUN_NOTE = "a small budget of schedules";

/** Where a submission is while it waits or is graded: place in line, then each check's schedules. */
function LiveProgressView({ live }: { live: LiveProgress }) {
  if (live.status === "queued") {
    return (
      <p className="pending" data-testid="live-progress" data-state="queued">
        <span className="spinner" aria-hidden="true" />
        {live.ahead === 0 || live.ahead === null
          ? "Next in line…"
          : `In line: ${live.ahead} ${live.ahead === 1 ? "submission" : "submissions"} ahead of yours…`}
      </p>
    );
  }
  return (
    <div className="live-progress" data-testid="live-progress" data-state={live.status}>
      <p className="pending">
        <span className="spinner" aria-hidden="true" />
        {live.kind === "run" ? "Running the quick check" : "Grading under stress schedules"}…
      </p>
      {live.checks.length > 0 ? (
        <ul className="live-checks">
          {live.checks.map((check, i) => (
            <li key={i} data-testid="live-check" data-state={check.state}>
              <span className="live-check-title">{check.hidden ? "A hidden check" : check.title}</span>{" "}
              {check.state === "waiting" ? (
                <span className="muted small">waiting for a sandbox</span>
              ) : (
                <>
                  <progress max={Math.max(1, check.budget)} value={Math.min(check.explored, check.budget)} />{" "}
                  <span className="muted small" data-testid="live-check-count">
                    {check.explored} / {check.budget} schedules
                    {check.state === "exploring" && check.strategy ? ` · ${check.strategy}` : ""}
                  </span>
                  {check.state === "finished" && check.verdict ? (
                    <span className={`verdict-badge small verdict-${verdictClass(check.verdict)}`}>
                      {verdictLabel(check.verdict)}
                    </span>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
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
