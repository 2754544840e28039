"use client";

import { useActionState } from "react";
import { EMPTY_FORM_STATE } from "../../_lib/form-state";
import { FormMessage } from "../../_components/form-fields";
import { hideBoardEntryAction } from "../actions";

export function HideEntryForm({
  scope,
  path,
  candidates,
}: {
  scope: string;
  path: string;
  candidates: { userId: string; rank: number; displayName: string }[];
}) {
  const [state, action, pending] = useActionState(hideBoardEntryAction, EMPTY_FORM_STATE);
  if (candidates.length === 0) return <p className="muted">Nobody else is on this board.</p>;
  const reasonErrors = state.fieldErrors.reason ?? [];
  return (
    <form action={action} className="form">
      <FormMessage message={state.message} />
      {state.values.done ? (
        <p className="notice" role="status">
          {state.values.done}
        </p>
      ) : null}
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="path" value={path} />
      <div className="field">
        <label htmlFor="hide-user">Entry</label>
        <select id="hide-user" name="userId">
          {candidates.map((c) => (
            <option key={c.userId} value={c.userId}>
              #{c.rank} {c.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="hide-reason">Reason (kept with the decision)</label>
        <input
          id="hide-reason"
          name="reason"
          type="text"
          defaultValue={state.values.reason}
          aria-invalid={reasonErrors.length > 0 || undefined}
          aria-describedby={reasonErrors.length ? "hide-reason-error" : undefined}
        />
        {reasonErrors.length ? (
          <p id="hide-reason-error" className="field-error" role="alert">
            {reasonErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Hiding…" : "Hide entry"}
      </button>
    </form>
  );
}
