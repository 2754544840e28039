"use client";

import { logOutAction } from "../_actions/auth";
import { clearLocalDrafts, flushPendingSaves } from "../_lib/local-drafts";

/**
 * The header's "Log out". Drafts still waiting to be saved are sent first (while the session
 * lasts), then the browser's copies of drafts go with the session. Without JavaScript the form
 * posts the server action as before.
 */
export function LogOutButton() {
  return (
    <form
      action={logOutAction}
      onSubmit={(event) => {
        const form = event.currentTarget;
        if (form.dataset.flushed !== "true") {
          event.preventDefault();
          void flushPendingSaves().then(() => {
            form.dataset.flushed = "true";
            form.requestSubmit();
          });
          return;
        }
        clearLocalDrafts();
      }}
    >
      <button type="submit" className="button link-button">
        Log out
      </button>
    </form>
  );
}
