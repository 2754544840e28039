import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/guards";
import { boardPath, type BoardScope } from "@/server/leaderboards/board-scope";
import { getLeaderboard } from "@/server/leaderboards/get-leaderboard";
import { listBoardHides } from "@/server/leaderboards/hide-board-entry";
import { getBoardSettings } from "@/server/leaderboards/update-board-settings";
import { unhideBoardEntryAction } from "../actions";
import { HideEntryForm } from "./hide-entry-form";
import { LiveBoard } from "./live-board";
import "./leaderboard.css";

// The one page every board renders through: the rules written out, the live table (top 50 and
// the viewer's neighbourhood, "near me"), the viewer's own standing, and for instructors the
// hide form and the hidden entries with their reasons.

const TOP = 50;
const NEAR = 5;

export async function BoardPage({ scope, links }: { scope: BoardScope; links?: ReactNode }) {
  const path = boardPath(scope);
  const user = await requireUser(path);
  const outcome = await getLeaderboard(scope, user, { top: TOP, near: NEAR });
  if (outcome.kind !== "ok") notFound();
  const board = outcome.board;
  const [settings, hides] = await Promise.all([
    getBoardSettings(user.id),
    board.manage ? listBoardHides(user, board.manage.hideScope) : Promise.resolve([]),
  ]);
  const query = new URLSearchParams();
  if (scope.kind === "exercise" && scope.courseId) query.set("course", scope.courseId);
  query.set("top", String(TOP));
  query.set("near", String(NEAR));
  const apiPath = `/api/leaderboards/${board.scope}?${query.toString()}`;
  const yours = board.yours;
  return (
    <section>
      <h1>{board.title}</h1>
      {links ? <p>{links}</p> : null}
      <details className="board-rules" open>
        <summary>How this board ranks</summary>
        <p data-testid="board-rules">{board.rules}</p>
      </details>
      <p className="board-yours" data-testid="board-yours">
        {yours ? (
          <>
            You are <strong>#{yours.rank}</strong> of {board.total} as <strong>{yours.displayName}</strong>
            {yours.rank > TOP ? (
              <>
                {" "}
                · <a href="#you">jump to your row</a>
              </>
            ) : null}
            .
          </>
        ) : (
          "You are not on this board yet: a graded Submit puts you on it."
        )}{" "}
        {settings.optOut ? (
          <span className="muted">
            You opted out: nobody else sees you here. <Link href="/account#leaderboards">Change</Link>
          </span>
        ) : (
          <span className="muted">
            <Link href="/account#leaderboards">Pseudonym or opt out</Link>
          </span>
        )}
      </p>
      <LiveBoard apiPath={apiPath} initialEntries={board.entries} performance={board.performance} />
      {board.total > board.entries.length ? (
        <p className="muted">
          Showing the top {TOP}
          {yours && yours.rank > TOP ? ` and the ${NEAR} places either side of yours` : ""} of {board.total}.
        </p>
      ) : null}

      {board.manage ? (
        <section className="board-manage" aria-labelledby="manage-heading">
          <h2 id="manage-heading">Manage this board</h2>
          <p className="muted">
            A hidden entry disappears from this board for everyone, its student included; the reason stays here.
          </p>
          <HideEntryForm scope={board.manage.hideScope} path={path} candidates={board.manage.candidates} />
          <h3>Hidden entries</h3>
          {hides.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {hides.map((hide) => (
                <li key={hide.id}>
                  <strong>{hide.displayName}</strong>: {hide.reason}{" "}
                  <span className="muted">
                    (by {hide.hiddenBy}, {hide.createdAt.toISOString().slice(0, 10)})
                  </span>{" "}
                  <form action={unhideBoardEntryAction} className="inline-form">
                    <input type="hidden" name="hideId" value={hide.id} />
                    <input type="hidden" name="path" value={path} />
                    <button type="submit" className="link-button">
                      Show again
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </section>
  );
}
