"use client";

import { useEffect, useRef, useState } from "react";
import type { BoardEntry } from "@/server/leaderboards/get-leaderboard";

// The board's table, kept current without a reload: every few seconds it asks the JSON API with
// If-None-Match; an unchanged board answers 304 (a cheap version stamp, no ranking), a changed
// one the new entries. Polling pauses while the tab is hidden.

export type Entry = BoardEntry;

const POLL_MS = 4_000;

function formatScore(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

export function LiveBoard({
  apiPath,
  initialEntries,
  performance,
}: {
  apiPath: string;
  initialEntries: Entry[];
  performance: boolean;
}) {
  const [entries, setEntries] = useState(initialEntries);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const etag = useRef<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      if (!document.hidden) {
        try {
          const response = await fetch(apiPath, {
            cache: "no-store",
            headers: etag.current ? { "If-None-Match": etag.current } : {},
          });
          if (response.status === 200) {
            const first = etag.current === null;
            etag.current = response.headers.get("ETag");
            const body = (await response.json()) as { entries: Entry[] };
            setEntries(body.entries);
            if (!first) setUpdatedAt(new Date().toLocaleTimeString());
          }
        } catch {
          // offline for a moment: try again at the next tick
        }
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [apiPath]);

  if (entries.length === 0) return <p className="muted">No graded results yet: be the first.</p>;
  return (
    <>
      <p className="board-live muted" role="status" aria-live="polite">
        {updatedAt ? `Updated live at ${updatedAt}.` : "This board updates by itself when a grading completes."}
      </p>
      <div className="table-scroll">
        <table className="data-table board-table" data-testid="leaderboard">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Name</th>
              <th scope="col">Score</th>
              {performance ? <th scope="col">Speedup</th> : null}
              <th scope="col">Reached</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, i) => {
              const gap = i > 0 && isCut(entries, i);
              return [
                gap ? (
                  <tr key={`gap-${i}`} className="gap">
                    <td colSpan={performance ? 5 : 4}>⋯ near you ⋯</td>
                  </tr>
                ) : null,
                <tr
                  key={`${entry.rank}-${entry.displayName}-${i}`}
                  className={entry.you ? "you" : undefined}
                  id={entry.you ? "you" : undefined}
                  aria-current={entry.you ? "true" : undefined}
                >
                  <td className="rank">{entry.rank}</td>
                  <td>
                    {entry.displayName}
                    {entry.you ? " (you)" : ""}
                  </td>
                  <td className="num">
                    {formatScore(entry.score)} / {formatScore(entry.maxScore)}
                  </td>
                  {performance ? (
                    <td className="num">{entry.speedup === null ? "—" : `${entry.speedup.toFixed(2)}×`}</td>
                  ) : null}
                  <td>
                    <time dateTime={entry.reachedAt}>
                      {new Date(entry.reachedAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                    </time>
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A jump in ranks bigger than ties explain: rows were cut between (top, then near me). */
function isCut(entries: Entry[], i: number): boolean {
  // Ties skip ranks too (1, 2, 2, 4): a cut is when the previous rank's group cannot reach this rank.
  const previous = entries[i - 1]!;
  let tiedBefore = 0;
  for (let j = i - 1; j >= 0 && entries[j]!.rank === previous.rank; j--) tiedBefore++;
  return entries[i]!.rank !== previous.rank + tiedBefore && entries[i]!.rank !== previous.rank;
}
