// The ranking of every board (issue 15), pure so that it can be tested by properties:
//   1. the higher score;
//   2. then the better performance figure (perfKey: a speedup, or minus a makespan, measured in
//      virtual time, so the same code always gets the same figure — no noisy host in the way);
//   3. then the earlier time the result was reached;
// and rows still equal share a rank, competition style (1, 2, 2, 4).
//
// Who is on a board depends on who looks: hidden rows (an instructor's decision) never appear;
// an opted-out student appears only to themselves. They are left out BEFORE ranking, so others'
// ranks have no gap that would betray them, and the opted-out student's own rank is where they
// would stand among the rows they see.

export type BoardRow = {
  userId: string;
  displayName: string;
  score: number;
  maxScore: number;
  /** Higher is better; null when the board measures no performance. */
  perfKey: number | null;
  /** Shown in the JSON: null when the exercise is not a performance exercise. */
  speedup: number | null;
  reachedAt: Date;
  optedOut: boolean;
};

export type RankedRow = BoardRow & { rank: number; you: boolean };

/** Negative when `a` ranks before `b`, 0 when they tie (and then share a rank). */
export function compareRows(
  a: Pick<BoardRow, "score" | "perfKey" | "reachedAt">,
  b: Pick<BoardRow, "score" | "perfKey" | "reachedAt">,
): number {
  if (a.score !== b.score) return b.score - a.score;
  const pa = a.perfKey ?? Number.NEGATIVE_INFINITY;
  const pb = b.perfKey ?? Number.NEGATIVE_INFINITY;
  if (pa !== pb) return pa > pb ? -1 : 1;
  return a.reachedAt.getTime() - b.reachedAt.getTime();
}

/**
 * The board as `viewerId` sees it (null: nobody in particular), best first. Rows of equal rank
 * keep a stable order (display name, then user id) so that a board does not shuffle on reload.
 */
export function rankBoard(
  rows: readonly BoardRow[],
  viewerId: string | null,
  hiddenUserIds: ReadonlySet<string> = new Set(),
): RankedRow[] {
  const visible = rows.filter((row) => !hiddenUserIds.has(row.userId) && (!row.optedOut || row.userId === viewerId));
  // Names and ids by code unit, as the database's ORDER BY does (rank-in-sql.ts).
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  visible.sort(
    (a, b) => compareRows(a, b) || byCodeUnit(a.displayName, b.displayName) || byCodeUnit(a.userId, b.userId),
  );
  const ranked: RankedRow[] = [];
  for (let i = 0; i < visible.length; i++) {
    const row = visible[i]!;
    const previous = ranked[i - 1];
    const rank = previous && compareRows(previous, row) === 0 ? previous.rank : i + 1;
    ranked.push({ ...row, rank, you: row.userId === viewerId });
  }
  return ranked;
}
