import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { courseAccess, mayReviewWork, requireCourseAccess } from "./course-access";

let t: TestDb;
const u: Record<string, { id: string; role: "student" | "instructor" | "admin" }> = {};
let courseId = "";
beforeAll(async () => {
  t = await createTestDb();
  for (const [name, role] of [
    ["owner", "instructor"],
    ["coteacher", "instructor"],
    ["otherInstructor", "instructor"],
    ["student", "student"],
    ["outsider", "student"],
    ["demoted", "student"],
    ["admin", "admin"],
  ] as const) {
    const user = await t.db.user.create({
      data: { email: `${name}@example.com`, displayName: name, passwordHash: "x", role },
    });
    u[name] = { id: user.id, role };
  }
  const course = await t.db.course.create({
    data: { title: "Concurrency 101", joinCode: "ABC123", ownerId: u.owner!.id },
  });
  courseId = course.id;
  await t.db.courseMember.createMany({
    data: [
      { courseId, userId: u.coteacher!.id, role: "instructor" },
      { courseId, userId: u.student!.id, role: "student" },
      // A membership row saying "instructor" does not lift a student account.
      { courseId, userId: u.demoted!.id, role: "instructor" },
    ],
  });
});
afterAll(async () => {
  await t.dispose();
});

describe("courseAccess", () => {
  it("lets the owner, a co-teacher and admins manage", async () => {
    expect(await courseAccess(u.owner!, courseId, t.db)).toBe("manage");
    expect(await courseAccess(u.coteacher!, courseId, t.db)).toBe("manage");
    expect(await courseAccess(u.admin!, courseId, t.db)).toBe("manage");
  });
  it("lets enrolled students view, and nobody else", async () => {
    expect(await courseAccess(u.student!, courseId, t.db)).toBe("member");
    expect(await courseAccess(u.demoted!, courseId, t.db)).toBe("member");
    expect(await courseAccess(u.outsider!, courseId, t.db)).toBe("none");
    expect(await courseAccess(u.otherInstructor!, courseId, t.db)).toBe("none");
    expect(await courseAccess(null, courseId, t.db)).toBe("none");
  });
  it("answers none for a course that does not exist, even to admins", async () => {
    expect(await courseAccess(u.admin!, "no-such-course", t.db)).toBe("none");
  });
});

describe("requireCourseAccess", () => {
  it("refuses outsiders with not-found and members asking to manage with forbidden", async () => {
    await expect(requireCourseAccess(u.owner!, courseId, "manage", t.db)).resolves.toEqual({
      courseId,
      access: "manage",
    });
    await expect(requireCourseAccess(u.student!, courseId, "member", t.db)).resolves.toEqual({
      courseId,
      access: "member",
    });
    await expect(requireCourseAccess(u.student!, courseId, "manage", t.db)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(requireCourseAccess(u.outsider!, courseId, "member", t.db)).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(requireCourseAccess(u.admin!, { id: courseId }, "member", t.db)).rejects.toMatchObject({
      code: "not-found",
    });
  });
});

describe("mayReviewWork", () => {
  it("lets the course's teachers and admins read an enrolled student's work on a course exercise, nobody else", async () => {
    await t.db.exercise.upsert({
      where: { id: "ex-review" },
      create: {
        id: "ex-review",
        slug: "ex-review",
        title: "R",
        chapter: 1,
        difficulty: "easy",
        points: 1,
        tags: "[]",
        summary: "",
        statementMd: "",
        starterCode: "",
      },
      update: {},
    });
    const student = u.student!.id;
    expect(await mayReviewWork(u.owner!, student, "ex-review", t.db)).toBe(false);
    await t.db.courseExercise.create({ data: { courseId, exerciseId: "ex-review" } });
    expect(await mayReviewWork(u.owner!, student, "ex-review", t.db)).toBe(true);
    expect(await mayReviewWork(u.coteacher!, student, "ex-review", t.db)).toBe(true);
    expect(await mayReviewWork(u.admin!, student, "ex-review", t.db)).toBe(true);
    expect(await mayReviewWork(u.otherInstructor!, student, "ex-review", t.db)).toBe(false);
    // A membership row saying "instructor" does not let a student account read classmates' work.
    expect(await mayReviewWork(u.demoted!, student, "ex-review", t.db)).toBe(false);
    expect(await mayReviewWork(u.owner!, u.outsider!.id, "ex-review", t.db)).toBe(false);
    // The co-teacher is not a student of the course: the owner does not review their work.
    expect(await mayReviewWork(u.owner!, u.coteacher!.id, "ex-review", t.db)).toBe(false);
  });
});
