"use client";

import { useCallback, useState } from "react";
import { SubmissionResult } from "../../exercises/[slug]/submission-result";

/**
 * A student's submission as the student saw it: the result component of the exercise page (the
 * same request, the same hidden-check rules, the same timeline), beside the submitted code with
 * the timeline's current line marked.
 */
export function StudentSubmission({ id, code }: { id: string; code: string }) {
  const [line, setLine] = useState<number | null>(null);
  const onUpdate = useCallback(() => {}, []);
  const lines = code.split("\n");
  return (
    <div className="student-submission">
      <div>
        <h3>Code</h3>
        <pre className="code-listing" data-testid="submission-code">
          {lines.map((text, i) => (
            <div key={i} className={line === i + 1 ? "code-line timeline-current" : "code-line"}>
              <span className="line-number" aria-hidden="true">
                {String(i + 1).padStart(3, " ")}{" "}
              </span>
              {text}
            </div>
          ))}
        </pre>
      </div>
      <SubmissionResult id={id} onUpdate={onUpdate} onCurrentLine={setLine} />
    </div>
  );
}
