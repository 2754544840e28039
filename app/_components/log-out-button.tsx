"use client";

import { logOutAction } from "../_actions/auth";
import { clearLocalDrafts, flushPendingSaves } from "../_lib/local-drafts";

/**
 * The header's "Log out". Drafts still waiting to be saved are sent first (while the session
 * lasts), then the browser's copies of drafts go with the session.
 */
export function LogOutButton() {
  return (
    <form
      action={async () => {
        await flushPendingSaves();
        clearLocalDrafts();
        await logOutAction();
      }}
    >
      <button type="submit" className="button link-button">
        Log out
      </button>
    </form>
  );
}
