"use client";

import { logOutAction } from "../_actions/auth";
import { clearLocalDrafts, flushPendingSaves } from "../_lib/local-drafts";

/**
 * A log-out button (the header's "Log out", the account page's "Log out everywhere"). Drafts
 * still waiting to be saved are sent first, while the session lasts; then the browser's copies
 * of drafts go with the session.
 */
export function LogOutButton({
  action = logOutAction,
  label = "Log out",
  className = "button link-button",
}: {
  action?: () => Promise<void>;
  label?: string;
  className?: string;
}) {
  return (
    <form
      action={async () => {
        await flushPendingSaves();
        clearLocalDrafts();
        await action();
      }}
    >
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
