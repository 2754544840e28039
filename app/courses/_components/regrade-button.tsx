"use client";

import { useState, useTransition } from "react";
import { regradeExerciseAction, regradeSubmissionAction, type RegradeActionResult } from "../../_actions/courses";

/** Send one submission, or every counted submission of an exercise, back through the grading queue. */
export function RegradeButton({
  courseId,
  submissionId,
  slug,
  label,
}: {
  courseId: string;
  submissionId?: string;
  slug?: string;
  label: string;
}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<RegradeActionResult | null>(null);
  function regrade() {
    if (slug && !window.confirm("Grade every counted submission of this exercise again? Previous results are kept.")) {
      return;
    }
    startTransition(async () => {
      setResult(
        submissionId
          ? await regradeSubmissionAction(courseId, submissionId)
          : await regradeExerciseAction(courseId, slug ?? ""),
      );
    });
  }
  return (
    <span className="regrade">
      <button type="button" className="button small" onClick={regrade} disabled={pending}>
        {pending ? "Queuing…" : label}
      </button>
      {result ? (
        <span className="muted small" role="status">
          {" "}
          {result.ok
            ? `${result.outcome.requeued} queued for regrading${
                result.outcome.skipped ? `, ${result.outcome.skipped} already waiting` : ""
              }.`
            : result.message}
        </span>
      ) : null}
    </span>
  );
}
