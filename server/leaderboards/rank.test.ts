import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareRows, rankBoard, type BoardRow } from "./rank";

// Property tests of the one ranking function every board uses (issue 15, "Evidence").

const T0 = Date.UTC(2026, 11, 1);

/** Rows with few distinct values, so ties are common. */
const rowsArb = fc
  .uniqueArray(
    fc.record({
      userId: fc.stringMatching(/^u[0-9a-f]{1,4}$/),
      displayName: fc.constantFrom("Ada", "Bo", "Cy", "Di"),
      score: fc.constantFrom(0, 50, 75, 100),
      perfKey: fc.option(fc.constantFrom(1.5, 2, 3.25), { nil: null }),
      minutes: fc.integer({ min: 0, max: 5 }),
      optedOut: fc.boolean(),
    }),
    { selector: (r) => r.userId, maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (r): BoardRow => ({
        userId: r.userId,
        displayName: r.displayName,
        score: r.score,
        maxScore: 100,
        perfKey: r.perfKey,
        speedup: r.perfKey,
        reachedAt: new Date(T0 + r.minutes * 60_000),
        optedOut: r.optedOut,
      }),
    ),
  );

const key = (r: { score: number; perfKey: number | null; reachedAt: Date }) =>
  `${r.score}|${r.perfKey}|${r.reachedAt.getTime()}`;

describe("rankBoard", () => {
  it("orders by score, then performance, then the earliest time; ranks are competition ranks", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const ranked = rankBoard(
          rows.map((r) => ({ ...r, optedOut: false })),
          null,
        );
        expect(ranked).toHaveLength(rows.length);
        for (let i = 0; i < ranked.length; i++) {
          const row = ranked[i]!;
          // competition ranking: 1 + the number of rows strictly better
          const better = ranked.filter((other) => compareRows(other, row) < 0).length;
          expect(row.rank).toBe(better + 1);
          if (i > 0) {
            const prev = ranked[i - 1]!;
            expect(compareRows(prev, row)).toBeLessThanOrEqual(0);
            if (prev.score !== row.score) expect(prev.score).toBeGreaterThan(row.score);
            expect(prev.rank === row.rank).toBe(key(prev) === key(row));
          }
        }
        if (ranked.length > 0) expect(ranked[0]!.rank).toBe(1);
      }),
    );
  });

  it("gives equal rows one rank and skips the ranks they take (1, 2, 2, 4)", () => {
    const at = (m: number) => new Date(T0 + m * 60_000);
    const row = (userId: string, score: number, m: number): BoardRow => ({
      userId,
      displayName: userId,
      score,
      maxScore: 100,
      perfKey: null,
      speedup: null,
      reachedAt: at(m),
      optedOut: false,
    });
    const ranked = rankBoard([row("d", 50, 9), row("b", 80, 2), row("a", 100, 1), row("c", 80, 2)], "c");
    expect(ranked.map((r) => [r.userId, r.rank, r.you])).toEqual([
      ["a", 1, false],
      ["b", 2, false],
      ["c", 2, true],
      ["d", 4, false],
    ]);
    // the same score reached later ranks below
    expect(rankBoard([row("late", 100, 5), row("early", 100, 4)], null).map((r) => [r.userId, r.rank])).toEqual([
      ["early", 1],
      ["late", 2],
    ]);
  });

  it("ranks a better speedup first among equal scores, whatever the time", () => {
    const base = { maxScore: 100, displayName: "x", optedOut: false, score: 100 };
    const ranked = rankBoard(
      [
        { ...base, userId: "slow-early", perfKey: 1.5, speedup: 1.5, reachedAt: new Date(T0) },
        { ...base, userId: "fast-late", perfKey: 3, speedup: 3, reachedAt: new Date(T0 + 1e6) },
      ],
      null,
    );
    expect(ranked.map((r) => r.userId)).toEqual(["fast-late", "slow-early"]);
  });

  it("is stable under re-insertion: the order of the input never changes the board", () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        fc.option(fc.string(), { nil: null }),
        ([rows, shuffled], viewer) => {
          const a = rankBoard(rows, viewer);
          const b = rankBoard(shuffled, viewer);
          expect(b).toEqual(a);
          // removing a row and putting it back gives the same board
          if (rows.length > 0) {
            const [first, ...rest] = rows;
            expect(rankBoard([...rest, first!], viewer)).toEqual(a);
          }
        },
      ),
    );
  });

  it("shows an opted-out student only to themselves, ranked among what they see", () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, pick) => {
        fc.pre(rows.length > 0);
        const viewer = rows[pick % rows.length]!;
        const mine = rankBoard(rows, viewer.userId);
        for (const other of rows) {
          const seen = rankBoard(rows, other.userId);
          for (const r of rows.filter((r) => r.optedOut && r.userId !== other.userId))
            expect(seen.some((s) => s.userId === r.userId)).toBe(false);
        }
        // the viewer always sees themselves, with the rank their row earns among the rows shown
        const me = mine.find((r) => r.you)!;
        expect(me.userId).toBe(viewer.userId);
        const visibleOthers = rows.filter((r) => !r.optedOut && r.userId !== viewer.userId);
        expect(me.rank).toBe(1 + visibleOthers.filter((r) => compareRows(r, viewer) < 0).length);
        expect(mine.filter((r) => r.you)).toHaveLength(1);
        // nobody else's board has a gap where an opted-out student would be
        const anonymous = rankBoard(rows, null);
        anonymous.forEach((r) => expect(r.rank).toBe(1 + anonymous.filter((o) => compareRows(o, r) < 0).length));
      }),
    );
  });

  it("never shows a hidden entry, not even to the hidden student", () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, pick) => {
        fc.pre(rows.length > 0);
        const hidden = rows[pick % rows.length]!;
        const hiddenSet = new Set([hidden.userId]);
        expect(rankBoard(rows, hidden.userId, hiddenSet).some((r) => r.userId === hidden.userId)).toBe(false);
        expect(rankBoard(rows, null, hiddenSet).some((r) => r.userId === hidden.userId)).toBe(false);
        // and everyone else is ranked as if the hidden row did not exist
        const without = rows.filter((r) => r.userId !== hidden.userId);
        expect(rankBoard(rows, null, hiddenSet)).toEqual(rankBoard(without, null));
      }),
    );
  });

  it("stays quiet: with nobody opted out or hidden, everybody is on the board", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const open = rows.map((r) => ({ ...r, optedOut: false }));
        expect(
          rankBoard(open, null)
            .map((r) => r.userId)
            .sort(),
        ).toEqual(open.map((r) => r.userId).sort());
      }),
    );
  });
});
