"use client";

import { useActionState } from "react";
import { EMPTY_FORM_STATE } from "../../_lib/form-state";
import { importExerciseAction } from "./actions";

/** Upload a ZIP of one exercise folder (store-only, as Export makes it): it is validated before it can appear. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importExerciseAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="stack">
      <label>
        ZIP of an exercise folder (<code>exercise.json</code>, <code>statement.md</code>, sources, <code>mutants/</code>
        , <code>fakes/</code>, <code>alternates/</code>)
        <input type="file" name="file" accept=".zip,application/zip" required />
      </label>
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {Object.entries(state.fieldErrors)
        .filter(([field]) => field !== "file")
        .map(([field, messages]) => (
          <p key={field} className="form-error small">
            {field}: {messages?.join("; ")}
          </p>
        ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Importing…" : "Import"}
      </button>
    </form>
  );
}
