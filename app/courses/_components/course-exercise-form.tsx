"use client";

import { useActionState } from "react";
import { setCourseExerciseAction } from "../../_actions/courses";
import { FormMessage } from "../../_components/form-fields";
import { EMPTY_FORM_STATE, type FormState } from "../../_lib/form-state";

/**
 * Add an exercise with an optional due date (choices: the catalogue's live exercises not yet in
 * the course), or, given `slug`, change one exercise's due date.
 */
export function CourseExerciseForm({
  courseId,
  choices,
  slug,
  dueAt,
}: {
  courseId: string;
  choices?: { slug: string; title: string }[];
  slug?: string;
  dueAt?: string | null;
}) {
  const [state, action, pending] = useActionState(
    (previous: FormState, formData: FormData) => setCourseExerciseAction(courseId, previous, formData),
    EMPTY_FORM_STATE,
  );
  const id = slug ? `due-${slug}` : "new";
  const dueError = state.fieldErrors.dueAt;
  const slugError = state.fieldErrors.slug;
  return (
    <form action={action} className={slug ? "inline-form" : "form"} noValidate>
      <FormMessage message={state.message} />
      {slug ? (
        <input type="hidden" name="slug" value={slug} />
      ) : (
        <div className="field">
          <label htmlFor={`${id}-slug`}>Exercise</label>
          <select id={`${id}-slug`} name="slug" defaultValue="">
            <option value="" disabled>
              Choose an exercise…
            </option>
            {(choices ?? []).map((choice) => (
              <option key={choice.slug} value={choice.slug}>
                {choice.title} ({choice.slug})
              </option>
            ))}
          </select>
          {slugError ? (
            <p className="field-error" role="alert">
              {slugError.join(" ")}
            </p>
          ) : null}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-dueAt`}>{slug ? "Due (UTC)" : "Due date, optional (UTC)"}</label>
        <input
          id={`${id}-dueAt`}
          name="dueAt"
          type="datetime-local"
          defaultValue={dueAt ? dueAt.slice(0, 16) : ""}
          aria-invalid={dueError ? true : undefined}
        />
        {dueError ? (
          <p className="field-error" role="alert">
            {dueError.join(" ")}
          </p>
        ) : null}
      </div>
      <button type="submit" className={slug ? "button small" : "button primary"} disabled={pending}>
        {slug ? "Save" : pending ? "Adding…" : "Add exercise"}
      </button>
      {state.values.done ? (
        <span className="muted small" role="status">
          {" "}
          {state.values.done}
        </span>
      ) : null}
    </form>
  );
}
