import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { rankBoard, type BoardRow, type RankedRow } from "./rank";
import { rankInSql } from "./rank-in-sql";

// The database ranks the large boards; rankBoard is the specification. On random boards (ties
// common, opt-outs, pseudonyms, a hidden student) both must give the same entries in the same
// order, whole and cut to "top + near me".

let t: TestDb;
const T0 = Date.UTC(2026, 11, 1);

beforeAll(async () => {
  t = await createTestDb();
  for (const id of ["ex-a", "ex-b"])
    await t.db.exercise.create({
      data: {
        id,
        slug: id,
        title: id,
        chapter: 1,
        difficulty: "easy",
        points: 100,
        tags: "[]",
        summary: "",
        statementMd: "",
        starterCode: "",
      },
    });
  await t.db.user.create({ data: { id: "admin", email: "a@x", displayName: "admin", passwordHash: "x" } });
});
afterAll(async () => {
  await t.dispose();
});

const studentArb = fc.record({
  name: fc.constantFrom("Ada", "Bo", "Cy", "ada"),
  pseudonym: fc.option(fc.constantFrom("Zed", " ", "Ada"), { nil: null }),
  optOut: fc.boolean(),
  a: fc.option(fc.record({ score: fc.constantFrom(0, 50, 100), perf: fc.constantFrom(1.5, 2), m: fc.nat(3) }), {
    nil: null,
  }),
  b: fc.option(fc.record({ score: fc.constantFrom(0, 40, 100), m: fc.nat(3) }), { nil: null }),
});

const strip = (rows: RankedRow[]) =>
  rows.map((r) => [r.userId, r.rank, r.displayName, r.score, r.perfKey, r.reachedAt.getTime(), r.you]);

describe("rankInSql agrees with rankBoard", () => {
  it("on random exercise and site boards, whole and cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(studentArb, { minLength: 1, maxLength: 14 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(2),
        async (students, viewerPick, hidePick, top, near) => {
          await t.db.standing.deleteMany();
          await t.db.boardHide.deleteMany();
          await t.db.user.deleteMany({ where: { id: { not: "admin" } } });
          const ids = students.map((_, i) => `u${String(i).padStart(2, "0")}`);
          await t.db.user.createMany({
            data: students.map((s, i) => ({
              id: ids[i]!,
              email: `${ids[i]}@x`,
              displayName: s.name,
              pseudonym: s.pseudonym,
              leaderboardOptOut: s.optOut,
              passwordHash: "x",
            })),
          });
          const at = (m: number) => new Date(T0 + m * 60_000);
          const standings = students.flatMap((s, i) => [
            ...(s.a
              ? [{ exerciseId: "ex-a", score: s.a.score, perf: s.a.perf, reachedAt: at(s.a.m), userId: ids[i]! }]
              : []),
            ...(s.b
              ? [{ exerciseId: "ex-b", score: s.b.score, perf: null, reachedAt: at(s.b.m), userId: ids[i]! }]
              : []),
          ]);
          await t.db.standing.createMany({
            data: standings.map((s) => ({
              userId: s.userId,
              exerciseId: s.exerciseId,
              bestScore: s.score,
              maxScore: 100,
              speedup: s.perf,
              perfKey: s.perf,
              reachedAt: s.reachedAt,
              submissionId: "x",
            })),
          });
          const hidden = ids[hidePick % ids.length]!;
          await t.db.boardHide.create({
            data: { userId: hidden, scope: "exercise:ex-a", reason: "test", hiddenById: "admin" },
          });
          const viewer = ids[viewerPick % ids.length]!;
          const name = (i: number) => students[i]!.pseudonym?.trim() || students[i]!.name;

          // the exercise board
          const rowsA: BoardRow[] = standings
            .filter((s) => s.exerciseId === "ex-a")
            .map((s) => {
              const i = ids.indexOf(s.userId);
              return {
                userId: s.userId,
                displayName: name(i),
                score: s.score,
                maxScore: 100,
                perfKey: s.perf,
                speedup: s.perf,
                reachedAt: s.reachedAt,
                optedOut: students[i]!.optOut,
              };
            });
          const spec = rankBoard(rowsA, viewer, new Set([hidden]));
          const sql = await rankInSql(
            { source: { kind: "exercise", exerciseId: "ex-a" }, viewerId: viewer, hideScope: "exercise:ex-a" },
            t.db,
          );
          expect(strip(sql.ranked)).toEqual(strip(spec));
          expect(sql.total).toBe(spec.length);
          const mine = spec.findIndex((r) => r.you);
          const cutSpec = spec.filter((_, i) => i < top || (mine >= 0 && Math.abs(i - mine) <= near));
          const cut = await rankInSql(
            {
              source: { kind: "exercise", exerciseId: "ex-a" },
              viewerId: viewer,
              hideScope: "exercise:ex-a",
              top,
              near,
            },
            t.db,
          );
          expect(strip(cut.ranked)).toEqual(strip(cutSpec));
          expect(cut.yours?.rank).toBe(mine >= 0 ? spec[mine]!.rank : undefined);

          // the site board: totals, reached when the last scoring result came (the hide is another board's)
          const byUser = new Map<string, typeof standings>();
          for (const s of standings) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s]);
          const siteRows: BoardRow[] = [...byUser.entries()].map(([userId, list]) => {
            const i = ids.indexOf(userId);
            const scoring = list.filter((s) => s.score > 0).map((s) => s.reachedAt.getTime());
            const times =
              scoring.length > 0 ? Math.max(...scoring) : Math.min(...list.map((s) => s.reachedAt.getTime()));
            return {
              userId,
              displayName: name(i),
              score: list.reduce((sum, s) => sum + s.score, 0),
              maxScore: 200,
              perfKey: null,
              speedup: null,
              reachedAt: new Date(times),
              optedOut: students[i]!.optOut,
            };
          });
          const siteSql = await rankInSql(
            { source: { kind: "site" }, viewerId: viewer, hideScope: "site", maxScore: 200 },
            t.db,
          );
          expect(strip(siteSql.ranked)).toEqual(strip(rankBoard(siteRows, viewer)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
