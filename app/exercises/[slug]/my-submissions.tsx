"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { SubmissionSummary } from "@/server/submissions/list-my-submissions";
import { STATUS_LABELS, verdictClass, verdictLabel } from "./verdicts";

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** The student's past submissions to this exercise, latest first; each reopens its result. */
export function MySubmissions({
  submissions,
  activeId,
  onOpen,
  hasMore,
  loadingOlder,
  olderError,
  onLoadOlder,
}: {
  submissions: SubmissionSummary[];
  activeId: string | null;
  onOpen: (id: string) => void;
  /** Older submissions exist beyond the ones listed. */
  hasMore: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => void;
}) {
  const compare = useCompareSelection();
  return (
    <section className="my-submissions" aria-labelledby="my-submissions-heading" data-testid="my-submissions">
      <h2 id="my-submissions-heading">My submissions</h2>
      {submissions.length === 0 ? (
        <p className="muted">None yet. Submit your solution to have it graded under stress schedules.</p>
      ) : (
        <ol className="submission-list">
          {submissions.map((submission) => {
            const active = submission.id === activeId;
            return (
              <li key={submission.id} className="submission-row">
                <label className="compare-pick">
                  <input
                    type="checkbox"
                    checked={compare.picked.includes(submission.id)}
                    onChange={() => compare.toggle(submission.id)}
                    aria-label={`Compare the try of ${new Date(submission.createdAt).toLocaleString()}`}
                    suppressHydrationWarning
                  />
                </label>
                <button
                  type="button"
                  className={`submission-item${active ? " current" : ""}`}
                  aria-current={active ? "true" : undefined}
                  onClick={() => onOpen(submission.id)}
                >
                  <time dateTime={submission.createdAt} suppressHydrationWarning>
                    {new Date(submission.createdAt).toLocaleString()}
                  </time>
                  {submission.verdict ? (
                    <span className={`verdict-badge small verdict-${verdictClass(submission.verdict)}`}>
                      {verdictLabel(submission.verdict)}
                    </span>
                  ) : (
                    <span className={`status-badge status-${submission.status}`}>
                      {STATUS_LABELS[submission.status]}
                    </span>
                  )}
                  {submission.kind === "run" ? (
                    <span className="tag" title="A quick check: not scored">
                      run
                    </span>
                  ) : null}
                  {submission.kind !== "run" && submission.score !== null && submission.maxScore !== null ? (
                    <span className="muted">
                      {formatScore(submission.score)} / {formatScore(submission.maxScore)}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {submissions.length > 1 ? (
        <p className="compare-bar small" data-testid="compare-bar">
          {compare.picked.length === 2 ? (
            <Link className="button small primary" href={compare.href}>
              Compare the two tries
            </Link>
          ) : (
            <span className="muted">
              Tick two tries to compare their code{compare.picked.length === 1 ? " (one more)" : ""}.
            </span>
          )}
        </p>
      ) : null}
      {hasMore ? (
        <button type="button" className="button small" onClick={onLoadOlder} disabled={loadingOlder}>
          {loadingOlder ? "Loading older submissions…" : "Show older submissions"}
        </button>
      ) : null}
      {olderError ? (
        <p className="form-error" role="alert">
          {olderError}
        </p>
      ) : null}
    </section>
  );
}

/** The two tries picked for the diff (the last two ticked); the link opens /exercises/<slug>/compare. */
function useCompareSelection() {
  const [picked, setPicked] = useState<string[]>([]);
  const pathname = usePathname();
  const toggle = (id: string) =>
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id].slice(-2)));
  const href = `${pathname}/compare?a=${encodeURIComponent(picked[0] ?? "")}&b=${encodeURIComponent(picked[1] ?? "")}`;
  return { picked, toggle, href };
}
