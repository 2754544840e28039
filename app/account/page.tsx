import { requireUser } from "@/server/auth/guards";
import { getBoardSettings } from "@/server/leaderboards/update-board-settings";
import { logOutEverywhereAction } from "../_actions/auth";
import { LogOutButton } from "../_components/log-out-button";
import { BoardSettingsForm } from "./board-settings-form";
import { ChangePasswordForm } from "./change-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Account · Interleave" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const board = await getBoardSettings(user.id);
  return (
    <section className="auth-card">
      <h1>Your account</h1>
      <p>
        {user.displayName} · {user.email} · <span data-testid="account-role">{user.role}</span>
      </p>

      <h2>Change password</h2>
      <ChangePasswordForm />

      <h2 id="leaderboards">Leaderboards</h2>
      <BoardSettingsForm pseudonym={board.pseudonym ?? ""} optOut={board.optOut} />

      <h2>Sessions</h2>
      <p className="muted">
        Logged in on another computer you no longer use? This ends every session of your account, this one included.
      </p>
      <LogOutButton action={logOutEverywhereAction} label="Log out everywhere" className="button" />
    </section>
  );
}
