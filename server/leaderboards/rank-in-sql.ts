import { getDb, sqlFor, type Db } from "../db";
import type { HideScope } from "./board-scope";
import type { RankedRow } from "./rank";

// The exercise and site boards ranked by the database, so that a page of a 10,000-student board
// reads 60 rows, not 10,000 (bench/leaderboard.ts). The same rules as rankBoard (rank.ts, the
// property-tested specification; rank-in-sql.test.ts checks the two agree on random boards):
// hidden rows and other students' opted-out rows are left out before ranking; RANK() gives
// competition ranks; ROW_NUMBER() the stable display order (name, then id, as rankBoard).
// Window functions and MATERIALIZED (computed once, though the cut reads it three times):
// SQLite ≥ 3.35 and PostgreSQL ≥ 12 alike.

export type BoardSource = { kind: "exercise"; exerciseId: string } | { kind: "site" };

type RawRanked = {
  userId: string;
  displayName: string;
  optOut: unknown;
  score: unknown;
  maxScore: unknown;
  speedup: unknown;
  perfKey: unknown;
  reachedAt: unknown;
  rank: unknown;
  pos: unknown;
  total: unknown;
};

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const bool = (value: unknown): boolean => value === true || value === 1 || value === 1n || value === "1";
const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

export async function rankInSql(
  {
    source,
    viewerId,
    hideScope,
    maxScore = null,
    top,
    near = 0,
  }: {
    source: BoardSource;
    viewerId: string;
    hideScope: HideScope;
    /** The site board's maximum (every live exercise's points); an exercise's comes from its rows. */
    maxScore?: number | null;
    top?: number;
    near?: number;
  },
  db: Db = getDb(),
): Promise<{ ranked: RankedRow[]; total: number; yours: RankedRow | null }> {
  const Prisma = sqlFor(db);
  const src =
    source.kind === "exercise"
      ? Prisma.sql`SELECT s."userId", s."bestScore" AS "score", s."maxScore", s."speedup", s."perfKey", s."reachedAt"
          FROM "Standing" s WHERE s."exerciseId" = ${source.exerciseId}`
      : Prisma.sql`SELECT s."userId", SUM(s."bestScore") AS "score",
            -- Typed NULLs: PostgreSQL types a bare NULL as text, which COALESCE with a number refuses.
            CAST(NULL AS DOUBLE PRECISION) AS "maxScore", CAST(NULL AS DOUBLE PRECISION) AS "speedup",
            CAST(NULL AS DOUBLE PRECISION) AS "perfKey",
            COALESCE(MAX(CASE WHEN s."bestScore" > 0 THEN s."reachedAt" END), MIN(s."reachedAt")) AS "reachedAt"
          FROM "Standing" s JOIN "Exercise" e ON e."id" = s."exerciseId"
          WHERE e."archived" = ${false}
          GROUP BY s."userId"`;
  const cut =
    top === undefined
      ? Prisma.empty
      : Prisma.sql`WHERE "pos" <= ${top} OR "pos" BETWEEN (SELECT "pos" FROM "board" WHERE "userId" = ${viewerId}) - ${near}
                                        AND (SELECT "pos" FROM "board" WHERE "userId" = ${viewerId}) + ${near}`;
  const raw = await db.$queryRaw<RawRanked[]>`
    WITH "src" AS (${src}),
    "visible" AS (
      SELECT "src".*, COALESCE(NULLIF(TRIM(u."pseudonym"), ''), u."displayName") AS "displayName",
             u."leaderboardOptOut" AS "optOut"
      FROM "src" JOIN "User" u ON u."id" = "src"."userId"
      WHERE (u."leaderboardOptOut" = ${false} OR u."id" = ${viewerId})
        AND NOT EXISTS (SELECT 1 FROM "BoardHide" h WHERE h."userId" = "src"."userId" AND h."scope" = ${hideScope})
    ),
    "board" AS MATERIALIZED (
      SELECT "visible".*,
        RANK() OVER (ORDER BY "score" DESC, COALESCE("perfKey", -1e308) DESC, "reachedAt" ASC) AS "rank",
        ROW_NUMBER() OVER (ORDER BY "score" DESC, COALESCE("perfKey", -1e308) DESC, "reachedAt" ASC,
                                    "displayName" ASC, "userId" ASC) AS "pos",
        COUNT(*) OVER () AS "total"
      FROM "visible"
    )
    SELECT * FROM "board" ${cut} ORDER BY "pos"`;
  const rows: RankedRow[] = raw.map((r) => ({
    userId: r.userId,
    displayName: r.displayName,
    score: num(r.score) ?? 0,
    maxScore: maxScore ?? num(r.maxScore) ?? 0,
    speedup: num(r.speedup),
    perfKey: num(r.perfKey),
    reachedAt: date(r.reachedAt),
    optedOut: bool(r.optOut),
    rank: Number(r.rank),
    you: r.userId === viewerId,
  }));
  return { ranked: rows, total: raw.length > 0 ? Number(raw[0]!.total) : 0, yours: rows.find((r) => r.you) ?? null };
}
