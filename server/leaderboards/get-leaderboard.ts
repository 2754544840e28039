import { z } from "zod";
import type { SessionUser } from "../auth/find-session-user";
import { hasRole } from "../auth/roles";
import { courseAccess } from "../courses/course-access";
import { getDb, type Db } from "../db";
import { boardPath, scopeLabel, type BoardScope, type HideScope } from "./board-scope";
import { loadCourseExerciseRows, sumRows } from "./load-board-rows";
import { rankInSql, type BoardSource } from "./rank-in-sql";
import { rankBoard, type BoardRow, type RankedRow } from "./rank";
import { courseRules, exerciseRules, siteRules } from "./rules";

// One board as one viewer may see it. Who may look (decided here, documented in
// docs/leaderboards.md): site and exercise boards — any logged-in user, as the exercise pages;
// course boards (and an exercise board narrowed to a course) — the course's members and
// managers (courseAccess), everyone else gets the same "not found" as for no course at all.

/** One entry of the fixed JSON contract (DESIGN.md, "HTTP contracts"). */
export type BoardEntry = {
  rank: number;
  displayName: string;
  score: number;
  maxScore: number;
  speedup: number | null;
  reachedAt: string;
  you: boolean;
};

export type Leaderboard = {
  scope: string;
  rules: string;
  entries: BoardEntry[];
  /** For the page: what the board is about and where it lives. */
  title: string;
  path: string;
  performance: boolean;
  /** Entries on the whole board (as this viewer sees it) before `top`/`near` cut it. */
  total: number;
  /** The viewer's own entry, wherever it is (null: not on the board). */
  yours: BoardEntry | null;
  /** Set when the viewer may hide entries: where hides go, and who can be hidden — the entries
   *  shown (never in the JSON). */
  manage: { hideScope: HideScope; candidates: { userId: string; rank: number; displayName: string }[] } | null;
};

export type LeaderboardOutcome =
  | { kind: "ok"; board: Leaderboard }
  | { kind: "unauthenticated" }
  | { kind: "not-found" };

export type LeaderboardOptions = {
  db?: Db;
  /** Only the first `top` entries... */
  top?: number;
  /** ...plus `near` entries either side of the viewer's own ("near me"). */
  near?: number;
};

const LatePolicy = z.object({ kind: z.enum(["none", "accept", "penalty"]) }).catch({ kind: "none" });

function acceptsLate(latePolicyJson: string): boolean {
  try {
    return LatePolicy.parse(JSON.parse(latePolicyJson)).kind === "accept";
  } catch {
    return false;
  }
}

export async function getLeaderboard(
  scope: BoardScope,
  viewer: Pick<SessionUser, "id" | "role"> | null,
  { db = getDb(), top, near = 0 }: LeaderboardOptions = {},
): Promise<LeaderboardOutcome> {
  if (!viewer) return { kind: "unauthenticated" };
  const loaded = await loadScope(scope, viewer, db);
  if (!loaded) return { kind: "not-found" };
  const { ranked, total, yours } =
    "source" in loaded
      ? await rankInSql(
          {
            source: loaded.source,
            viewerId: viewer.id,
            hideScope: loaded.hideScope,
            maxScore: loaded.maxScore,
            top,
            near,
          },
          db,
        )
      : await rankRows(loaded.rows, viewer.id, loaded.hideScope, { top, near }, db);
  return {
    kind: "ok",
    board: {
      scope: scopeLabel(scope),
      rules: loaded.rules,
      entries: ranked.map(toEntry),
      title: loaded.title,
      path: boardPath(scope),
      performance: loaded.performance,
      total,
      yours: yours ? toEntry(yours) : null,
      manage: loaded.manage
        ? {
            hideScope: loaded.hideScope,
            candidates: ranked
              .filter((row) => !row.you)
              .map((row) => ({ userId: row.userId, rank: row.rank, displayName: row.displayName })),
          }
        : null,
    },
  };
}

function toEntry(row: RankedRow): BoardEntry {
  return {
    rank: row.rank,
    displayName: row.displayName,
    score: row.score,
    maxScore: row.maxScore,
    speedup: row.speedup,
    reachedAt: row.reachedAt.toISOString(),
    you: row.you,
  };
}

/** Small boards (a course's) are ranked here, by the specification itself. */
async function rankRows(
  rows: BoardRow[],
  viewerId: string,
  hideScope: HideScope,
  { top, near = 0 }: { top?: number; near?: number },
  db: Db,
): Promise<{ ranked: RankedRow[]; total: number; yours: RankedRow | null }> {
  const hidden = new Set(
    (await db.boardHide.findMany({ where: { scope: hideScope }, select: { userId: true } })).map((h) => h.userId),
  );
  const all = rankBoard(rows, viewerId, hidden);
  const mine = all.findIndex((row) => row.you);
  const ranked = top === undefined ? all : all.filter((_, i) => i < top || (mine >= 0 && Math.abs(i - mine) <= near));
  return { ranked, total: all.length, yours: mine >= 0 ? all[mine]! : null };
}

/** Large boards (site, exercise) are ranked by the database; small ones arrive as rows. */
type LoadedScope = ({ source: BoardSource; maxScore: number | null } | { rows: BoardRow[] }) & {
  rules: string;
  title: string;
  performance: boolean;
  hideScope: HideScope;
  manage: boolean;
};

async function loadScope(
  scope: BoardScope,
  viewer: Pick<SessionUser, "id" | "role">,
  db: Db,
): Promise<LoadedScope | null> {
  const siteManager = hasRole(viewer.role, "instructor");
  if (scope.kind === "site") {
    const live = await db.exercise.aggregate({ where: { archived: false }, _sum: { points: true } });
    return {
      source: { kind: "site" },
      maxScore: live._sum.points ?? 0,
      rules: siteRules(),
      title: "Site leaderboard",
      performance: false,
      hideScope: "site",
      manage: siteManager,
    };
  }
  if (scope.kind === "course") {
    const access = await courseAccess(viewer, scope.courseId, db);
    if (access === "none") return null;
    const course = await db.course.findUnique({
      where: { id: scope.courseId },
      select: {
        title: true,
        latePolicy: true,
        exercises: {
          where: { exercise: { archived: false } },
          select: { exerciseId: true, dueAt: true, exercise: { select: { points: true } } },
        },
      },
    });
    if (!course) return null;
    const late = acceptsLate(course.latePolicy);
    const perExercise = [];
    for (const exercise of course.exercises)
      perExercise.push(await loadCourseExerciseRows({ courseId: scope.courseId, exercise, acceptsLate: late }, db));
    const maxScore = course.exercises.reduce((sum, e) => sum + e.exercise.points, 0);
    return {
      rows: sumRows(perExercise, maxScore),
      rules: courseRules(),
      title: `${course.title}: leaderboard`,
      performance: false,
      hideScope: `course:${scope.courseId}`,
      manage: access === "manage",
    };
  }
  const exercise = await db.exercise.findUnique({
    where: { slug: scope.slug },
    select: { id: true, title: true, archived: true },
  });
  if (!exercise || exercise.archived) return null;
  const performance =
    (await db.standing.findFirst({
      where: { exerciseId: exercise.id, perfKey: { not: null } },
      select: { userId: true },
    })) !== null;
  if (scope.courseId === null) {
    return {
      source: { kind: "exercise", exerciseId: exercise.id },
      maxScore: null,
      rules: exerciseRules(performance, null),
      title: `${exercise.title}: leaderboard`,
      performance,
      hideScope: `exercise:${exercise.id}`,
      manage: siteManager,
    };
  }
  const access = await courseAccess(viewer, scope.courseId, db);
  if (access === "none") return null;
  const course = await db.course.findUnique({
    where: { id: scope.courseId },
    select: {
      title: true,
      latePolicy: true,
      exercises: { where: { exerciseId: exercise.id }, select: { exerciseId: true, dueAt: true } },
    },
  });
  const inCourse = course?.exercises[0];
  if (!course || !inCourse) return null;
  return {
    rows: await loadCourseExerciseRows(
      { courseId: scope.courseId, exercise: inCourse, acceptsLate: acceptsLate(course.latePolicy) },
      db,
    ),
    rules: exerciseRules(performance, course.title),
    title: `${exercise.title}: ${course.title} leaderboard`,
    performance,
    // Hiding here is the course's decision: it hides the student from the course's boards.
    hideScope: `course:${scope.courseId}`,
    manage: access === "manage",
  };
}
