import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import type { GradingQueue } from "../grading/queue/grading-queue";
import { getSubmissionForViewer } from "./get-submission";
import { listMySubmissions } from "./list-my-submissions";
import { submitSolution } from "./submit-solution";
import { MAX_CODE_BYTES } from "./submit-solution.schema";

let t: TestDb;
const users = { owner: "", other: "", instructor: "", admin: "" };
beforeAll(async () => {
  t = await createTestDb();
  for (const [name, role] of [
    ["owner", "student"],
    ["other", "student"],
    ["instructor", "instructor"],
    ["admin", "admin"],
  ] as const) {
    const user = await t.db.user.create({
      data: { email: `${name}@example.com`, displayName: name, passwordHash: "x", role },
    });
    users[name] = user.id;
  }
  const exercise = {
    chapter: 3,
    difficulty: "easy",
    points: 10,
    tags: "[]",
    summary: "",
    statementMd: "",
    starterCode: "",
  };
  await t.db.exercise.create({ data: { id: "ex-live", slug: "live", title: "Live", ...exercise } });
  await t.db.exercise.create({ data: { id: "ex-gone", slug: "gone", title: "Gone", archived: true, ...exercise } });
});
afterAll(async () => {
  await t.dispose();
});
beforeEach(async () => {
  await t.db.submission.deleteMany();
});

describe("submitSolution", () => {
  it("stores the submission, then enqueues it", async () => {
    const { id } = await submitSolution(users.owner, { slug: "live", code: "export const x = 1;" }, { db: t.db });
    const row = await t.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: users.owner, exerciseId: "ex-live", status: "queued", attempts: 0 });
    expect(row.enqueuedAt).not.toBeNull();
  });

  it("stores a Run as kind run (never scored), a Submit as submit, and refuses any other kind", async () => {
    const run = await submitSolution(users.owner, { slug: "live", code: "x", kind: "run" }, { db: t.db });
    const sub = await submitSolution(users.owner, { slug: "live", code: "x" }, { db: t.db });
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ kind: "run" });
    expect(await t.db.submission.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ kind: "submit" });
    await expect(
      submitSolution(users.owner, { slug: "live", code: "x", kind: "grade-me-twice" }, { db: t.db }),
    ).rejects.toMatchObject({ code: "validation-failed" });
    const view = await getSubmissionForViewer(run.id, { id: users.owner, role: "student" }, t.db);
    expect(view?.kind).toBe("run");
  });

  it("keeps the submission when enqueueing fails (the worker's sweep picks it up)", async () => {
    const broken: GradingQueue = { enqueue: () => Promise.reject(new Error("queue down")) };
    const quiet = console.error;
    console.error = () => {};
    try {
      const { id } = await submitSolution(users.owner, { slug: "live", code: "x" }, { db: t.db, queue: broken });
      expect(await t.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ enqueuedAt: null });
    } finally {
      console.error = quiet;
    }
  });

  it("refuses empty, oversized and non-string code, naming the field", async () => {
    for (const code of ["", "   \n\t", undefined, 42, "x".repeat(MAX_CODE_BYTES + 1)]) {
      await expect(submitSolution(users.owner, { slug: "live", code }, { db: t.db })).rejects.toMatchObject({
        code: "validation-failed",
        fieldErrors: { code: [expect.any(String)] },
      });
    }
    // Bytes, not characters: 100 KB of two-byte characters is 200 KB.
    await expect(
      submitSolution(users.owner, { slug: "live", code: "é".repeat(MAX_CODE_BYTES / 2 + 1) }, { db: t.db }),
    ).rejects.toMatchObject({ code: "validation-failed" });
    await submitSolution(users.owner, { slug: "live", code: "x".repeat(MAX_CODE_BYTES) }, { db: t.db });
    expect(await t.db.submission.count()).toBe(1);
  });

  it("refuses unknown and retired exercises", async () => {
    await expect(submitSolution(users.owner, { slug: "nope", code: "x" }, { db: t.db })).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(submitSolution(users.owner, { slug: "gone", code: "x" }, { db: t.db })).rejects.toMatchObject({
      code: "validation-failed",
    });
    expect(await t.db.submission.count()).toBe(0);
  });
});

describe("getSubmissionForViewer (what GET /api/submissions/[id] may return)", () => {
  it("lets the owner, the student's course instructors and admins read a submission, and nobody else", async () => {
    const { id } = await submitSolution(users.owner, { slug: "live", code: "mine" }, { db: t.db });
    const as = (name: keyof typeof users, role: "student" | "instructor" | "admin" = "student") =>
      getSubmissionForViewer(id, { id: users[name], role }, t.db);
    expect(await as("owner")).toMatchObject({ id, status: "queued", code: "mine", exercise: { slug: "live" } });
    expect(await as("admin", "admin")).toMatchObject({ id });
    expect(await as("other")).toBeNull();
    // An instructor reads a student's work only through a course they teach that has both (issue 16).
    expect(await as("instructor", "instructor")).toBeNull();
    const course = await t.db.course.create({
      data: { title: "C", joinCode: `C${Date.now()}`, ownerId: users.instructor },
    });
    await t.db.courseMember.create({ data: { courseId: course.id, userId: users.owner } });
    expect(await as("instructor", "instructor")).toBeNull();
    await t.db.courseExercise.create({ data: { courseId: course.id, exerciseId: "ex-live" } });
    expect(await as("instructor", "instructor")).toMatchObject({ id });
    // A student's own course membership gives nothing over classmates' work.
    expect(await as("other")).toBeNull();
    await t.db.course.delete({ where: { id: course.id } });
  });

  it("answers null for unknown and malformed ids alike", async () => {
    const viewer = { id: users.admin, role: "admin" as const };
    expect(await getSubmissionForViewer("c0000000000000000000000000", viewer, t.db)).toBeNull();
    expect(await getSubmissionForViewer("../etc/passwd", viewer, t.db)).toBeNull();
    expect(await getSubmissionForViewer(undefined, viewer, t.db)).toBeNull();
  });
});

describe("listMySubmissions", () => {
  it("lists one user's submissions to one exercise, latest first", async () => {
    const first = await submitSolution(users.owner, { slug: "live", code: "1" }, { db: t.db });
    await submitSolution(users.other, { slug: "live", code: "theirs" }, { db: t.db });
    const second = await submitSolution(users.owner, { slug: "live", code: "2" }, { db: t.db });
    await t.db.gradingResult.create({
      data: { submissionId: first.id, verdict: "race", score: 0, maxScore: 10, reportJson: "{}" },
    });
    const { submissions: list, hasMore } = await listMySubmissions(users.owner, "ex-live", { db: t.db });
    expect(hasMore).toBe(false);
    expect(list.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({ verdict: "race", score: 0, maxScore: 10 });
    expect(list[0]).toMatchObject({ status: "queued", verdict: null });
  });

  it("pages through older submissions, all of them once, with the same createdAt too", async () => {
    const same = new Date("2026-12-01T12:00:00Z");
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const createdAt = i < 3 ? same : new Date(same.getTime() + i * 1000);
      const row = await t.db.submission.create({
        data: { userId: users.owner, exerciseId: "ex-live", code: String(i), createdAt },
      });
      ids.push(row.id);
    }
    await t.db.submission.create({ data: { userId: users.other, exerciseId: "ex-live", code: "theirs" } });
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listMySubmissions(users.owner, "ex-live", { db: t.db, limit: 3, before });
      pages++;
      seen.push(...page.submissions.map((s) => s.id));
      if (!page.hasMore) break;
      before = page.submissions.at(-1)?.id;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
  });

  it("gives an empty page for a cursor that is another user's submission or malformed", async () => {
    const theirs = await submitSolution(users.other, { slug: "live", code: "theirs" }, { db: t.db });
    await submitSolution(users.owner, { slug: "live", code: "mine" }, { db: t.db });
    for (const before of [theirs.id, "../etc", 42]) {
      expect(await listMySubmissions(users.owner, "ex-live", { db: t.db, before })).toEqual({
        submissions: [],
        hasMore: false,
      });
    }
  });
});
