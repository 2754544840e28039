"use client";

import { logOutAction } from "../_actions/auth";
import { clearLocalDrafts } from "../_lib/local-drafts";

/** The header's "Log out": the browser's copies of drafts go with the session. */
export function LogOutButton() {
  return (
    <form action={logOutAction} onSubmit={() => clearLocalDrafts()}>
      <button type="submit" className="button link-button">
        Log out
      </button>
    </form>
  );
}
