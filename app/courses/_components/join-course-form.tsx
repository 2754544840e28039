"use client";

import { useActionState } from "react";
import { joinCourseAction } from "../../_actions/courses";
import { Field, FormMessage } from "../../_components/form-fields";
import { EMPTY_FORM_STATE } from "../../_lib/form-state";

/** Join with a code (typed on /courses, or carried by an invite link /courses/join/<code>). */
export function JoinCourseForm({ code }: { code?: string }) {
  const [state, action, pending] = useActionState(joinCourseAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <Field
          name="code"
          label="Join code"
          autoComplete="off"
          defaultValue={state.values.code}
          errors={state.fieldErrors}
          hint="Your instructor gives it out, like K7MQ3XTA."
        />
      )}
      {code && state.fieldErrors.code ? (
        <p className="field-error" role="alert">
          {state.fieldErrors.code.join(" ")}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Joining…" : code ? "Join this course" : "Join"}
      </button>
    </form>
  );
}
