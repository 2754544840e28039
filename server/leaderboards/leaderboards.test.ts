import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onGradingStored } from "../grading/on-grading-stored";
import { applyProgress, CatalogueFilters, listCatalogueProgress } from "../exercises/list-catalogue-progress";
import { listCatalogue } from "../exercises/list-catalogue";
import { createTestDb, type TestDb } from "../testing/test-db";
import { parseBoardScope, type BoardScope } from "./board-scope";
import { boardVersion } from "./board-version";
import { getLeaderboard, type Leaderboard } from "./get-leaderboard";
import { hideBoardEntry, listBoardHides, unhideBoardEntry } from "./hide-board-entry";
import { recomputeStandings } from "./recompute-standings";
import { updateBoardSettings } from "./update-board-settings";

// Integration tests of the boards on a real migrated database: standings follow gradings,
// regrades and retirements; who sees whom; course due dates; the version stamp.

let t: TestDb;
type U = { id: string; role: "student" | "instructor" | "admin" };
const u: Record<string, U> = {};
const T0 = Date.UTC(2026, 11, 1, 9);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

async function user(name: string, role: U["role"] = "student"): Promise<U> {
  const row = await t.db.user.create({
    data: { email: `${name}@example.com`, displayName: name, passwordHash: "x", role },
  });
  return (u[name] = { id: row.id, role });
}

async function exercise(id: string, chapter = 3): Promise<void> {
  await t.db.exercise.create({
    data: {
      id,
      slug: id,
      title: id,
      chapter,
      difficulty: "easy",
      points: 100,
      tags: "[]",
      summary: "",
      statementMd: "",
      starterCode: "",
    },
  });
}

/** A graded submission, stored as the worker does, then the completion hook. */
async function grade(
  who: U,
  exerciseId: string,
  score: number,
  minutes: number,
  { kind = "submit", speedup }: { kind?: "submit" | "run"; speedup?: number } = {},
): Promise<string> {
  const checks = speedup === undefined ? [] : [{ performance: { kind: "speedup", makespan: 100 / speedup, speedup } }];
  const submission = await t.db.submission.create({
    data: {
      userId: who.id,
      exerciseId,
      code: "// solution",
      kind,
      status: "done",
      createdAt: at(minutes),
      result: {
        create: {
          verdict: score === 100 ? "passed" : "race",
          score,
          maxScore: 100,
          reportJson: JSON.stringify({ verdict: "x", score, maxScore: 100, checks }),
        },
      },
    },
  });
  await onGradingStored(submission.id, { db: t.db });
  return submission.id;
}

async function board(scope: BoardScope, viewer: U | null, options: { top?: number; near?: number } = {}) {
  const outcome = await getLeaderboard(scope, viewer, { db: t.db, ...options });
  if (outcome.kind !== "ok") throw new Error(`expected a board, got ${outcome.kind}`);
  return outcome.board;
}
const names = (b: Leaderboard) => b.entries.map((e) => [e.displayName, e.rank]);
const ex = (slug: string, courseId: string | null = null): BoardScope => ({ kind: "exercise", slug, courseId });

beforeAll(async () => {
  t = await createTestDb();
  for (const name of ["ada", "bo", "cy", "di", "eve"]) await user(name);
  await user("teacher", "instructor");
  await exercise("counter");
  await exercise("blur", 8);
  await exercise("retiring", 12);
});
afterAll(async () => {
  await t.dispose();
});

describe("exercise boards", () => {
  it("rank by best score, then the earlier time; a later equal score ranks below; runs never count", async () => {
    await grade(u.ada!, "counter", 60, 1);
    await grade(u.ada!, "counter", 100, 5);
    await grade(u.ada!, "counter", 100, 9); // equal again: the time reached stays 5
    await grade(u.bo!, "counter", 100, 7);
    await grade(u.cy!, "counter", 80, 2);
    await grade(u.di!, "counter", 100, 1, { kind: "run" });
    const b = await board(ex("counter"), u.bo!);
    expect(names(b)).toEqual([
      ["ada", 1],
      ["bo", 2],
      ["cy", 3],
    ]);
    expect(b.entries[0]!.reachedAt).toBe(at(5).toISOString());
    expect(b.entries.map((e) => e.you)).toEqual([false, true, false]);
    expect(b.entries[0]!.speedup).toBeNull();
    expect(JSON.stringify(b.entries)).not.toContain("@");
    expect(Object.keys(b.entries[0]!).sort()).toEqual(
      ["displayName", "maxScore", "rank", "reachedAt", "score", "speedup", "you"].sort(),
    );
  });

  it("breaks equal scores on a performance exercise by the virtual speedup", async () => {
    await grade(u.ada!, "blur", 100, 1, { speedup: 1.8 });
    await grade(u.bo!, "blur", 100, 30, { speedup: 3.5 });
    await grade(u.cy!, "blur", 90, 0, { speedup: 3.9 });
    const b = await board(ex("blur"), u.ada!);
    expect(names(b)).toEqual([
      ["bo", 1],
      ["ada", 2],
      ["cy", 3],
    ]);
    expect(b.entries[0]!.speedup).toBe(3.5);
    expect(b.performance).toBe(true);
    expect(b.rules).toMatch(/speedup/);
  });

  it("follows a regrade down as well as up", async () => {
    const sub = await grade(u.eve!, "counter", 100, 0);
    expect((await board(ex("counter"), u.eve!)).yours?.rank).toBe(1);
    await t.db.gradingResult.update({ where: { submissionId: sub }, data: { score: 10, verdict: "race" } });
    await onGradingStored(sub, { db: t.db });
    const after = await board(ex("counter"), u.eve!);
    expect(after.yours).toMatchObject({ rank: 4, score: 10 });
    // a bulk regrade behind the hook's back is repaired by recomputeStandings
    await t.db.gradingResult.update({ where: { submissionId: sub }, data: { score: 100, verdict: "passed" } });
    expect((await board(ex("counter"), u.eve!)).yours?.rank).toBe(4);
    await recomputeStandings("counter", t.db);
    expect((await board(ex("counter"), u.eve!)).yours?.rank).toBe(1);
  });

  it("cuts a long board to the top and the viewer's neighbourhood (near me)", async () => {
    const b = await board(ex("counter"), u.cy!, { top: 1, near: 1 });
    expect(b.total).toBe(4);
    expect(b.entries.map((e) => e.displayName)).toEqual(["eve", "bo", "cy"]);
    expect(b.yours?.displayName).toBe("cy");
  });
});

describe("site board and retirement", () => {
  it("sums best scores over live exercises, and a retired exercise drops out", async () => {
    await grade(u.di!, "retiring", 100, 3);
    const before = await board({ kind: "site" }, u.di!);
    expect(before.entries.find((e) => e.displayName === "di")?.score).toBe(100);
    // ada and bo both total 200: ada's total was complete at minute 5, bo's at minute 30
    expect(before.entries.slice(0, 2)).toMatchObject([
      { displayName: "ada", score: 200, maxScore: 300, rank: 1 },
      { displayName: "bo", score: 200, rank: 2 },
    ]);
    const stamp = await boardVersion({ kind: "site" }, t.db);
    expect(await boardVersion({ kind: "site" }, t.db)).toBe(stamp);
    await t.db.exercise.update({ where: { id: "retiring" }, data: { archived: true } });
    expect(await boardVersion({ kind: "site" }, t.db)).not.toBe(stamp);
    const after = await board({ kind: "site" }, u.di!);
    // di's only counted result was on the retired exercise: off the site board
    expect(after.entries.map((e) => e.displayName)).not.toContain("di");
    expect(after.entries[0]!.maxScore).toBe(200);
    expect(await getLeaderboard(ex("retiring"), u.di!, { db: t.db })).toEqual({ kind: "not-found" });
    await t.db.exercise.update({ where: { id: "retiring" }, data: { archived: false } });
  });

  it("changes its version stamp when a grading completes", async () => {
    const stamp = await boardVersion({ kind: "site" }, t.db);
    await grade(u.di!, "counter", 20, 40);
    expect(await boardVersion({ kind: "site" }, t.db)).not.toBe(stamp);
  });

  it("needs a logged-in viewer", async () => {
    expect(await getLeaderboard({ kind: "site" }, null, { db: t.db })).toEqual({ kind: "unauthenticated" });
  });
});

describe("people: pseudonyms, opt-out, hides", () => {
  it("shows the pseudonym, and an opted-out student only to themselves", async () => {
    await updateBoardSettings(u.cy!.id, { pseudonym: "Mutex Max", optOut: false }, t.db);
    expect(names(await board(ex("counter"), u.ada!))).toContainEqual(["Mutex Max", 4]);
    await expect(
      updateBoardSettings(u.cy!.id, { pseudonym: "cy@example.com", optOut: false }, t.db),
    ).rejects.toMatchObject({ code: "validation-failed" });
    await updateBoardSettings(u.ada!.id, { pseudonym: "", optOut: true }, t.db);
    const others = await board(ex("counter"), u.bo!);
    expect(others.entries.map((e) => e.displayName)).not.toContain("ada");
    expect(names(others).slice(0, 2)).toEqual([
      ["eve", 1],
      ["bo", 2],
    ]);
    const own = await board(ex("counter"), u.ada!);
    expect(own.yours).toMatchObject({ displayName: "ada", rank: 2, you: true });
    await updateBoardSettings(u.ada!.id, { pseudonym: "", optOut: false }, t.db);
    expect((await board(ex("counter"), u.bo!)).entries.map((e) => e.displayName)).toContain("ada");
  });

  it("lets an instructor hide an entry with a reason; nobody sees it, not even its student", async () => {
    const scope = "exercise:counter";
    await expect(hideBoardEntry(u.ada!, { userId: u.bo!.id, scope, reason: "copied" }, t.db)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(hideBoardEntry(u.teacher!, { userId: u.bo!.id, scope, reason: "" }, t.db)).rejects.toMatchObject({
      code: "validation-failed",
    });
    const managed = await board(ex("counter"), u.teacher!);
    expect(managed.manage?.candidates.map((c) => c.displayName)).toContain("bo");
    expect((await board(ex("counter"), u.ada!)).manage).toBeNull();
    await hideBoardEntry(u.teacher!, { userId: u.bo!.id, scope, reason: "same code as another student" }, t.db);
    for (const viewer of [u.ada!, u.bo!, u.teacher!])
      expect((await board(ex("counter"), viewer)).entries.map((e) => e.displayName)).not.toContain("bo");
    expect((await board(ex("counter"), u.bo!)).yours).toBeNull();
    // only on that board
    expect((await board({ kind: "site" }, u.ada!)).entries.map((e) => e.displayName)).toContain("bo");
    const hides = await listBoardHides(u.teacher!, scope, t.db);
    expect(hides).toMatchObject([{ displayName: "bo", reason: "same code as another student", hiddenBy: "teacher" }]);
    expect(await listBoardHides(u.ada!, scope, t.db)).toEqual([]);
    await unhideBoardEntry(u.teacher!, { hideId: hides[0]!.id }, t.db);
    expect((await board(ex("counter"), u.ada!)).entries.map((e) => e.displayName)).toContain("bo");
  });
});

describe("course boards", () => {
  let courseId = "";
  beforeAll(async () => {
    const course = await t.db.course.create({ data: { title: "CS 101", joinCode: "CS101X", ownerId: u.teacher!.id } });
    courseId = course.id;
    await t.db.courseMember.createMany({
      data: [
        { courseId, userId: u.ada!.id },
        { courseId, userId: u.bo!.id },
      ],
    });
    // bo's 100 on counter came at minute 7; the due date is minute 6
    await t.db.courseExercise.create({ data: { courseId, exerciseId: "counter", dueAt: at(6) } });
    await t.db.courseExercise.create({ data: { courseId, exerciseId: "blur" } });
  });

  it("count only members, and only results before the due date unless late work is accepted", async () => {
    const b = await board({ kind: "course", courseId }, u.ada!);
    expect(b.entries.map((e) => [e.displayName, e.score])).toEqual([
      ["ada", 200],
      ["bo", 100],
    ]);
    await t.db.course.update({ where: { id: courseId }, data: { latePolicy: JSON.stringify({ kind: "accept" }) } });
    const accepting = await board({ kind: "course", courseId }, u.ada!);
    expect(accepting.entries.map((e) => [e.displayName, e.score, e.rank])).toEqual([
      ["ada", 200, 1],
      ["bo", 200, 2],
    ]);
    await t.db.course.update({ where: { id: courseId }, data: { latePolicy: JSON.stringify({ kind: "none" }) } });
    const exerciseInCourse = await board(ex("counter", courseId), u.bo!);
    expect(exerciseInCourse.entries.map((e) => [e.displayName, e.score])).toEqual([["ada", 100]]);
  });

  it("are not found for outsiders, and a course manager may hide on them", async () => {
    expect(await getLeaderboard({ kind: "course", courseId }, u.cy!, { db: t.db })).toEqual({ kind: "not-found" });
    expect(await getLeaderboard(ex("counter", courseId), u.cy!, { db: t.db })).toEqual({ kind: "not-found" });
    expect(await getLeaderboard(ex("retiring", courseId), u.ada!, { db: t.db })).toEqual({ kind: "not-found" });
    await hideBoardEntry(u.teacher!, { userId: u.bo!.id, scope: `course:${courseId}`, reason: "test account" }, t.db);
    expect((await board({ kind: "course", courseId }, u.ada!)).entries.map((e) => e.displayName)).toEqual(["ada"]);
    await expect(
      hideBoardEntry(u.ada!, { userId: u.bo!.id, scope: `course:${courseId}`, reason: "nope" }, t.db),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("scopes and catalogue progress", () => {
  it("parses the three scopes and refuses anything else", () => {
    expect(parseBoardScope(["site"])).toEqual({ kind: "site" });
    expect(parseBoardScope(["course", "abc"])).toEqual({ kind: "course", courseId: "abc" });
    expect(parseBoardScope(["exercise", "h2o"], "c1")).toEqual({ kind: "exercise", slug: "h2o", courseId: "c1" });
    for (const bad of [[], ["sites"], ["site", "x"], ["course"], ["exercise", "../x"], ["exercise", "a", "b"]])
      expect(parseBoardScope(bad)).toBeNull();
    expect(parseBoardScope(["site"], "c1")).toBeNull();
  });

  it("shows solved, attempted and not started with points per chapter, and filters", async () => {
    const progress = await listCatalogueProgress(u.cy!.id, t.db);
    expect(progress.get("counter")).toMatchObject({ status: "attempted", bestScore: 80, pointsEarned: 80 });
    expect(progress.get("blur")).toMatchObject({ status: "attempted", bestScore: 90 });
    expect(progress.get("retiring")).toBeUndefined();
    const bo = await listCatalogueProgress(u.bo!.id, t.db);
    expect(bo.get("counter")?.status).toBe("solved");
    await grade(u.eve!, "retiring", 0, 1, { kind: "run" });
    expect((await listCatalogueProgress(u.eve!.id, t.db)).get("retiring")).toMatchObject({
      status: "attempted",
      bestScore: null,
    });
    const catalogue = await listCatalogue(t.db);
    const all = applyProgress(catalogue, bo, CatalogueFilters.parse({}));
    expect(all).toMatchObject({ earned: 200, possible: 300, solved: 2, total: 3 });
    expect(all.chapters.find((c) => c.chapter === 3)).toMatchObject({ earned: 100, possible: 100, solved: 1 });
    const solvedOnly = applyProgress(catalogue, bo, CatalogueFilters.parse({ status: "solved" }));
    expect(solvedOnly.chapters.flatMap((c) => c.exercises.map((e) => e.id)).sort()).toEqual(["blur", "counter"]);
    const chapter8 = applyProgress(
      catalogue,
      bo,
      CatalogueFilters.parse({ chapter: "8", difficulty: "", status: "bogus" }),
    );
    expect(chapter8.chapters.map((c) => c.chapter)).toEqual([8]);
    expect(applyProgress(catalogue, bo, CatalogueFilters.parse({ difficulty: "hard" })).chapters).toEqual([]);
  });
});
