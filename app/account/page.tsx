import { listApiTokens } from "@/server/api-tokens/api-tokens";
import { requireUser } from "@/server/auth/guards";
import { getBoardSettings } from "@/server/leaderboards/update-board-settings";
import { logOutEverywhereAction } from "../_actions/auth";
import { LogOutButton } from "../_components/log-out-button";
import { BoardSettingsForm } from "./board-settings-form";
import { revokeApiTokenAction } from "./api-token-actions";
import { ApiTokenForm } from "./api-token-form";
import { ChangePasswordForm } from "./change-password-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Account · Interleave" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const board = await getBoardSettings(user.id);
  const tokens = await listApiTokens(user.id);
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

      <h2>API tokens</h2>
      <p className="muted">
        For scripts: send <code>Authorization: Bearer &lt;token&gt;</code> to <code>POST /api/submissions</code> and{" "}
        <code>GET /api/submissions/&lt;id&gt;</code>. A token acts as you; revoke it when the script is gone.
      </p>
      {tokens.length > 0 ? (
        <ul className="token-list" data-testid="api-tokens">
          {tokens.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> · created {token.createdAt.toISOString().slice(0, 10)} ·{" "}
              {token.lastUsedAt
                ? `last used ${token.lastUsedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
                : "never used"}{" "}
              <form action={revokeApiTokenAction} style={{ display: "inline" }}>
                <input type="hidden" name="tokenId" value={token.id} />
                <button type="submit" className="button">
                  Revoke
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <ApiTokenForm />

      <h2>Sessions</h2>
      <p className="muted">
        Logged in on another computer you no longer use? This ends every session of your account, this one included.
      </p>
      <LogOutButton action={logOutEverywhereAction} label="Log out everywhere" className="button" />
    </section>
  );
}
