import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradingQueue } from "../grading/queue/grading-queue";
import { completeJob } from "../grading/queue/complete-job";
import { claimNextJob } from "../grading/queue/claim-next-job";
import { createTestDb, type TestDb } from "../testing/test-db";
import { createCourse } from "./create-course";
import { getCourseInsight } from "./get-course-insight";
import { getCourseOverview } from "./get-course-overview";
import { getExerciseInsight } from "./get-exercise-insight";
import { getGradebook } from "./get-gradebook";
import { getStudentWork } from "./get-student-work";
import { gradebookCsv } from "./gradebook-csv";
import { findCourseByJoinCode, joinCourse } from "./join-course";
import { listMyCourses } from "./list-my-courses";
import { regradeExercise, regradeSubmission } from "./regrade";
import { removeCourseExercise, setCourseExercise } from "./set-course-exercise";
import { updateCourse } from "./update-course";

type U = { id: string; role: "student" | "instructor" | "admin" };
let t: TestDb;
const u: Record<string, U> = {};
let courseId = "";
let joinCode = "";

const lockOrderReport = (verdict: string, score: number, locks: [string, string]) =>
  JSON.stringify({
    verdict,
    score,
    maxScore: 100,
    checks: [
      {
        id: "five",
        title: "Five philosophers",
        hidden: false,
        points: 100,
        earned: score,
        verdict,
        message: "m",
        schedulesRun: 3,
        ...(verdict === "passed"
          ? {}
          : {
              failure: {
                verdict,
                kind: "potential-deadlock",
                message: "m",
                schedule: 0,
                strategy: "pct",
                seed: 1,
                preemptions: 1,
                steps: 9,
                trace: [],
                threads: [],
                outcome: {
                  kind: "potential-deadlock",
                  message: "m",
                  lockOrder: [
                    { thread: "P-1", held: locks[0], acquired: locks[1], heldAt: { file: "solution.ts", line: 22 } },
                    { thread: "P-2", held: locks[1], acquired: locks[0], heldAt: { file: "solution.ts", line: 22 } },
                  ],
                },
              },
            }),
      },
    ],
  });

/** A graded submission, as the worker leaves it. */
async function graded(
  userId: string,
  exerciseId: string,
  verdict: string,
  score: number,
  createdAt: Date,
  kind = "submit",
) {
  const row = await t.db.submission.create({
    data: { userId, exerciseId, code: `// ${verdict}`, kind, status: "done", createdAt, finishedAt: createdAt },
  });
  await t.db.gradingResult.create({
    data: {
      submissionId: row.id,
      verdict,
      score,
      maxScore: 100,
      reportJson: lockOrderReport(verdict, score, ["fork-3", "fork-4"]),
    },
  });
  return row.id;
}

beforeAll(async () => {
  t = await createTestDb();
  for (const [name, role] of [
    ["owner", "instructor"],
    ["otherInstructor", "instructor"],
    ["ada", "student"],
    ["bob", "student"],
    ["outsider", "student"],
    ["admin", "admin"],
  ] as const) {
    const user = await t.db.user.create({
      data: {
        email: `${name}@example.com`,
        displayName: name === "bob" ? "=cmd|' /C calc'!A0" : name,
        passwordHash: "x",
        role,
      },
    });
    u[name] = { id: user.id, role };
  }
  const exercise = { chapter: 12, difficulty: "easy", tags: "[]", summary: "", statementMd: "", starterCode: "" };
  await t.db.exercise.create({
    data: { id: "ex-dp", slug: "dining-philosophers", title: "DP", points: 100, ...exercise },
  });
  await t.db.exercise.create({ data: { id: "ex-sc", slug: "shared-counter", title: "SC", points: 100, ...exercise } });
  await t.db.exercise.create({
    data: { id: "ex-old", slug: "retired", title: "Old", points: 10, archived: true, ...exercise },
  });
});
afterAll(async () => {
  await t.dispose();
});

describe("courses", () => {
  it("only instructors create courses", async () => {
    await expect(createCourse(u.ada!, { title: "Mine" }, t.db)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCourse(null, { title: "Mine" }, t.db)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(createCourse(u.owner!, { title: "  " }, t.db)).rejects.toMatchObject({
      code: "validation-failed",
      fieldErrors: { title: ["Give the course a title."] },
    });
    const created = await createCourse(u.owner!, { title: "Concurrency 101", lateKind: "accept" }, t.db);
    courseId = created.id;
    joinCode = created.joinCode;
    expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
  });

  it("lets the owner pick exercises with due dates, and nobody else", async () => {
    await expect(
      setCourseExercise(u.otherInstructor!, courseId, { slug: "dining-philosophers" }, t.db),
    ).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(setCourseExercise(u.owner!, courseId, { slug: "retired" }, t.db)).rejects.toMatchObject({
      code: "validation-failed",
    });
    await expect(
      setCourseExercise(u.owner!, courseId, { slug: "shared-counter", dueAt: "tomorrow" }, t.db),
    ).rejects.toMatchObject({ fieldErrors: { dueAt: [expect.stringContaining("date and time")] } });
    expect(
      await setCourseExercise(u.owner!, courseId, { slug: "dining-philosophers", dueAt: "2026-12-10T12:00" }, t.db),
    ).toEqual({
      added: true,
    });
    expect(await setCourseExercise(u.owner!, courseId, { slug: "shared-counter" }, t.db)).toEqual({ added: true });
    expect(await setCourseExercise(u.owner!, courseId, { slug: "shared-counter", dueAt: "" }, t.db)).toEqual({
      added: false,
    });
    const row = await t.db.courseExercise.findFirstOrThrow({ where: { courseId, exerciseId: "ex-dp" } });
    expect(row.dueAt?.toISOString()).toBe("2026-12-10T12:00:00.000Z");
    expect(row.position).toBe(0);
  });

  it("students join with the code, in any case, once", async () => {
    expect(await findCourseByJoinCode(joinCode.toLowerCase(), t.db)).toEqual({ title: "Concurrency 101" });
    expect(await findCourseByJoinCode("NOPE1234", t.db)).toBeNull();
    await expect(joinCourse(u.ada!, { code: "NOPE1234" }, t.db)).rejects.toMatchObject({ code: "validation-failed" });
    expect(await joinCourse(u.ada!, { code: joinCode.toLowerCase() }, t.db)).toEqual({ courseId, joined: true });
    expect(await joinCourse(u.ada!, { code: joinCode }, t.db)).toEqual({ courseId, joined: false });
    expect(await joinCourse(u.bob!, { code: joinCode }, t.db)).toMatchObject({ joined: true });
    // The owner joining their own course stays its owner.
    expect(await joinCourse(u.owner!, { code: joinCode }, t.db)).toEqual({ courseId, joined: false });
    expect(await t.db.courseMember.count({ where: { courseId } })).toBe(2);
  });

  it("lists each user's own courses only (admins see all)", async () => {
    await createCourse(u.otherInstructor!, { title: "Someone else's" }, t.db);
    const owner = await listMyCourses(u.owner!, t.db);
    expect(owner.teaching.map((c) => c.title)).toEqual(["Concurrency 101"]);
    expect(owner.teaching[0]).toMatchObject({ students: 2, exercises: 2, joinCode });
    const ada = await listMyCourses(u.ada!, t.db);
    expect(ada).toEqual({
      teaching: [],
      enrolled: [expect.objectContaining({ title: "Concurrency 101", joinCode: null })],
    });
    expect((await listMyCourses(u.outsider!, t.db)).enrolled).toEqual([]);
    expect((await listMyCourses(u.admin!, t.db)).teaching).toHaveLength(2);
  });

  it("scores only graded 'submit' submissions, with the late policy, in the grade book and its CSV", async () => {
    const due = new Date("2026-12-10T12:00:00Z");
    await graded(u.ada!.id, "ex-dp", "deadlock", 40, new Date(due.getTime() - 3_600_000));
    await graded(u.ada!.id, "ex-dp", "passed", 100, new Date(due.getTime() + 3_600_000));
    // A quick "run" that passed never counts.
    await graded(u.bob!.id, "ex-dp", "passed", 100, new Date(due.getTime() - 7_200_000), "run");
    await graded(u.bob!.id, "ex-dp", "deadlock", 40, new Date(due.getTime() - 7_000_000));
    // An outsider's submission to the same exercise is not the course's.
    await graded(u.outsider!.id, "ex-dp", "passed", 100, new Date(due.getTime() - 7_000_000));

    const book = await getGradebook(u.owner!, courseId, t.db);
    expect(book.exercises.map((e) => e.slug)).toEqual(["dining-philosophers", "shared-counter"]);
    expect(book.students.map((s) => [s.displayName, s.cells["dining-philosophers"], s.total])).toEqual([
      ["=cmd|' /C calc'!A0", { score: 40, late: false, passed: false, attempts: 1 }, 40],
      ["ada", { score: 100, late: true, passed: true, attempts: 2 }, 100],
    ]);
    expect(gradebookCsv(book).split("\r\n")).toEqual([
      "email,displayName,dining-philosophers,shared-counter,total",
      "bob@example.com,'=cmd|' /C calc'!A0,40,,40",
      "ada@example.com,ada,100,,100",
      "",
    ]);

    // Late work stops counting when the policy says so.
    await updateCourse(u.owner!, courseId, { title: "Concurrency 101", lateKind: "none" }, t.db);
    const strict = await getGradebook(u.owner!, courseId, t.db);
    expect(strict.students[1]!.cells["dining-philosophers"]).toEqual({
      score: 40,
      late: false,
      passed: false,
      attempts: 2,
    });
    await updateCourse(u.owner!, courseId, { title: "Concurrency 101", lateKind: "accept" }, t.db);
  });

  it("keeps the grade book, insight and student work from everyone but the course's instructors", async () => {
    for (const viewer of [u.ada!, u.bob!]) {
      await expect(getGradebook(viewer, courseId, t.db)).rejects.toMatchObject({ code: "forbidden" });
      await expect(getCourseInsight(viewer, courseId, t.db)).rejects.toMatchObject({ code: "forbidden" });
    }
    for (const viewer of [u.outsider!, u.otherInstructor!, null]) {
      await expect(getGradebook(viewer, courseId, t.db)).rejects.toMatchObject({ code: "not-found" });
      await expect(getExerciseInsight(viewer, courseId, "dining-philosophers", t.db)).rejects.toMatchObject({
        code: "not-found",
      });
      await expect(getStudentWork(viewer, courseId, u.ada!.id, null, t.db)).rejects.toMatchObject({
        code: "not-found",
      });
      await expect(getCourseOverview(viewer, courseId, t.db)).rejects.toMatchObject({ code: "not-found" });
    }
    await expect(getGradebook(u.admin!, courseId, t.db)).resolves.toMatchObject({ course: { id: courseId } });
    await expect(getGradebook(u.owner!, "../../etc", t.db)).rejects.toMatchObject({ code: "not-found" });
  });

  it("shows a student their standing and what is due", async () => {
    const overview = await getCourseOverview(u.ada!, courseId, t.db);
    expect(overview).toMatchObject({ access: "member", joinCode: null, students: 2 });
    expect(overview.standing).toEqual({ total: 100, maxTotal: 200, solved: 1 });
    expect(overview.exercises[0]).toMatchObject({ slug: "dining-philosophers", dueAt: "2026-12-10T12:00:00.000Z" });
    expect((await getCourseOverview(u.owner!, courseId, t.db)).joinCode).toBe(joinCode);
  });

  it("groups failing submissions by pattern, with an example, on the insight page", async () => {
    const insight = await getCourseInsight(u.owner!, courseId, t.db);
    expect(insight.exercises[0]).toMatchObject({
      slug: "dining-philosophers",
      attempted: 2,
      attempts: 3,
      solved: 1,
      solveRate: 0.5,
    });
    const detail = await getExerciseInsight(u.owner!, courseId, "dining-philosophers", t.db);
    expect(detail.failing).toBe(2);
    expect(detail.patterns).toHaveLength(1);
    expect(detail.patterns[0]).toMatchObject({
      summary: "deadlock taking fork-3 then fork-4 at line 22",
      count: 2,
      share: 1,
      students: 2,
    });
    const example = detail.patterns[0]!.example;
    const work = await getStudentWork(u.owner!, courseId, example.userId, example.submissionId, t.db);
    expect(work.selected).toMatchObject({ id: example.submissionId, code: "// deadlock" });
    // The student's "run" is listed too (as they saw it), an outsider's is not.
    await expect(getStudentWork(u.owner!, courseId, u.outsider!.id, null, t.db)).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(getExerciseInsight(u.owner!, courseId, "retired", t.db)).rejects.toMatchObject({ code: "not-found" });
  });

  it("regrades through the queue, keeping the previous result for before/after", async () => {
    const enqueued: string[] = [];
    const queue: GradingQueue = { enqueue: async (id) => (enqueued.push(id), "enqueued") };
    const adaFirst = await t.db.submission.findFirstOrThrow({
      where: { userId: u.ada!.id, result: { verdict: "deadlock" } },
    });
    // Not the course's: another instructor, a student, an outsider's submission.
    await expect(
      regradeSubmission(u.otherInstructor!, courseId, { submissionId: adaFirst.id }, { db: t.db, queue }),
    ).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(
      regradeSubmission(u.ada!, courseId, { submissionId: adaFirst.id }, { db: t.db, queue }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    const outsiders = await t.db.submission.findFirstOrThrow({ where: { userId: u.outsider!.id } });
    await expect(
      regradeSubmission(u.owner!, courseId, { submissionId: outsiders.id }, { db: t.db, queue }),
    ).rejects.toMatchObject({
      code: "not-found",
    });
    expect(enqueued).toEqual([]);

    expect(await regradeSubmission(u.owner!, courseId, { submissionId: adaFirst.id }, { db: t.db, queue })).toEqual({
      requeued: 1,
      skipped: 0,
    });
    expect(enqueued).toEqual([adaFirst.id]);
    const reset = await t.db.submission.findUniqueOrThrow({ where: { id: adaFirst.id }, include: { result: true } });
    expect(reset).toMatchObject({ status: "queued", enqueuedAt: null, attempts: 0 });
    // The old result stays until the new one is stored: the grade book never blinks.
    expect(reset.result?.verdict).toBe("deadlock");
    // Asking again while it waits changes nothing.
    expect(await regradeSubmission(u.owner!, courseId, { submissionId: adaFirst.id }, { db: t.db, queue })).toEqual({
      requeued: 0,
      skipped: 1,
    });

    // Regrade the whole exercise: the course's "submit" submissions only (not the run, not the outsider's).
    enqueued.length = 0;
    const all = await regradeExercise(u.owner!, courseId, { slug: "dining-philosophers" }, { db: t.db, queue });
    expect(all).toEqual({ requeued: 2, skipped: 1 });
    expect(await t.db.regrade.count()).toBe(3);

    // The worker grades the first regrade: the insight page shows before and after.
    await t.db.submission.updateMany({ where: { id: { not: adaFirst.id } }, data: { enqueuedAt: null } });
    await t.db.submission.update({ where: { id: adaFirst.id }, data: { enqueuedAt: new Date() } });
    const job = await claimNextJob("w1", { db: t.db });
    expect(job?.submissionId).toBe(adaFirst.id);
    await completeJob(
      job!,
      "w1",
      { verdict: "passed", score: 100, maxScore: 100, reportJson: lockOrderReport("passed", 100, ["a", "b"]) },
      { db: t.db },
    );
    const detail = await getExerciseInsight(u.owner!, courseId, "dining-philosophers", t.db);
    expect(detail.pending).toBe(2);
    const row = detail.regrades.find((r) => r.submissionId === adaFirst.id)!;
    expect(row).toMatchObject({
      before: { verdict: "deadlock", score: 40 },
      after: { status: "done", verdict: "passed", score: 100 },
    });
    const waiting = detail.regrades.find((r) => r.submissionId !== adaFirst.id)!;
    expect(waiting.after).toEqual({ status: "queued", verdict: null, score: null });
  });

  it("removes an exercise from the course, keeping its submissions", async () => {
    await removeCourseExercise(u.owner!, courseId, { slug: "shared-counter" }, t.db);
    expect((await getGradebook(u.owner!, courseId, t.db)).exercises.map((e) => e.slug)).toEqual([
      "dining-philosophers",
    ]);
    await expect(removeCourseExercise(u.ada!, courseId, { slug: "dining-philosophers" }, t.db)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
