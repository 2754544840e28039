"use client";

import { useActionState, useState } from "react";
import { createCourseAction, updateCourseAction } from "../../_actions/courses";
import { Field, FormMessage } from "../../_components/form-fields";
import { EMPTY_FORM_STATE, type FormState } from "../../_lib/form-state";

type Settings = { title: string; lateKind: string; percentPerDay: string; maxDays: string };

/** A course's title and late policy: creates a course, or (with courseId) saves its settings. */
export function CourseSettingsForm({ courseId, initial }: { courseId?: string; initial?: Settings }) {
  const action = courseId
    ? (previous: FormState, formData: FormData) => updateCourseAction(courseId, previous, formData)
    : createCourseAction;
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const values = { ...initial, ...state.values };
  const [lateKind, setLateKind] = useState(values.lateKind || "none");
  const errors = state.fieldErrors;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage message={state.message} />
      {state.values.done ? (
        <p className="notice" role="status">
          {state.values.done}
        </p>
      ) : null}
      <Field name="title" label="Course title" defaultValue={values.title} errors={errors} />
      <div className="field">
        <label htmlFor="lateKind">Late work (after an exercise&apos;s due date)</label>
        <select id="lateKind" name="lateKind" value={lateKind} onChange={(e) => setLateKind(e.target.value)}>
          <option value="none">Does not count</option>
          <option value="accept">Counts in full (marked late)</option>
          <option value="penalty">Counts with a penalty per day</option>
        </select>
      </div>
      {lateKind === "penalty" ? (
        <>
          <NumberField
            name="percentPerDay"
            label="Penalty per started day (%)"
            value={values.percentPerDay}
            errors={errors}
          />
          <NumberField name="maxDays" label="Accepted for at most (days)" value={values.maxDays} errors={errors} />
        </>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Saving…" : courseId ? "Save settings" : "Create course"}
      </button>
    </form>
  );
}

function NumberField({
  name,
  label,
  value,
  errors,
}: {
  name: string;
  label: string;
  value: string | undefined;
  errors: FormState["fieldErrors"];
}) {
  const messages = errors[name] ?? [];
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="number"
        min={0}
        defaultValue={value}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length ? `${name}-error` : undefined}
      />
      {messages.length ? (
        <p id={`${name}-error`} className="field-error" role="alert">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
