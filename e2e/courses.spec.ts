import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_INSTRUCTOR, editorText, logIn, pasteIntoEditor, signUpByApi } from "./helpers";

// Issue 16, end to end: an instructor creates a course and adds an exercise; a student joins
// with the code and submits a deadlocking, then a correct solution (the real grading worker);
// the insight page shows the deadlock pattern, the grade book and its CSV show the score, and a
// regrade goes through the queue and shows the verdict before and after.

const EXERCISE = "dining-philosophers";
const STARTER = readFileSync(path.join("exercises", EXERCISE, "starter.ts"), "utf8");
const REFERENCE = readFileSync(path.join("exercises", EXERCISE, "reference.ts"), "utf8");

/** Replace the editor's content the way a student pastes (Monaco reads the paste event's data). */
/** Submit what the editor holds and wait for the verdict; returns it. */
async function submit(page: Page): Promise<string> {
  const open = page.getByTestId("submission-result");
  const previous = (await open.count()) > 0 ? await open.getAttribute("data-submission") : null;
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.waitForURL((url) => {
    const id = url.searchParams.get("submission");
    return id !== null && id !== previous;
  });
  const verdict = open.getByTestId("verdict");
  await expect(verdict).toBeVisible({ timeout: 90_000 });
  return (await verdict.getAttribute("data-verdict")) ?? "";
}

test("an instructor runs a course: a student joins, deadlocks, passes; insight, grade book, CSV and regrade show it", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const teacher = await (await browser.newContext()).newPage();
  const student = await (await browser.newContext()).newPage();

  // 1. The instructor creates a course and adds the exercise (no due date).
  await logIn(teacher, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await teacher.getByRole("link", { name: "Courses" }).click();
  const title = `Concurrency e2e ${Date.now()}`;
  await teacher.getByLabel("Course title").fill(title);
  await teacher.getByLabel("Late work (after an exercise's due date)").selectOption("accept");
  await teacher.getByRole("button", { name: "Create course" }).click();
  await teacher.waitForURL(/\/courses\/[^/]+\/manage$/);
  const courseId = teacher.url().split("/courses/")[1]!.split("/")[0]!;
  await teacher.getByLabel("Exercise", { exact: true }).selectOption(EXERCISE);
  await teacher.getByRole("button", { name: "Add exercise" }).click();
  await expect(teacher.getByTestId("manage-exercises")).toContainText("dining philosophers", { ignoreCase: true });
  const code = (await teacher.getByTestId("join-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);

  // 2. A new student joins with the code (typed in lower case, as people do).
  const account = await signUpByApi(student.request, "course-student");
  await student.goto("/courses");
  await expect(student.getByText("You have not joined a course yet")).toBeVisible();
  await student.getByLabel("Join code").fill(code.toLowerCase());
  await student.getByRole("button", { name: "Join", exact: true }).click();
  await student.waitForURL(`**/courses/${courseId}`);
  await expect(student.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(student.getByTestId("standing")).toContainText("0 / 100 points");

  // 3. The student submits the starter (it deadlocks), then a correct solution.
  await student.getByTestId("course-exercises").getByRole("link").first().click();
  await expect.poll(() => editorText(student)).toContain("export async function dine");
  await pasteIntoEditor(student, STARTER);
  expect(await submit(student)).toBe("deadlock");
  await pasteIntoEditor(student, REFERENCE);
  await expect.poll(() => editorText(student)).toContain("Resource hierarchy");
  expect(await submit(student)).toBe("passed");
  await student.goto(`/courses/${courseId}`);
  await expect(student.getByTestId("standing")).toContainText("100 / 100 points");
  await expect(student.getByTestId("course-exercises")).toContainText("solved");
  // A student is refused the instructor's pages of their own course.
  expect((await student.goto(`/courses/${courseId}/insight`))?.status()).toBe(403);

  // 4. Insight: the deadlock pattern, with an example one click away.
  await teacher.goto(`/courses/${courseId}/insight`);
  const row = teacher.getByTestId("insight-exercises").locator(`tr[data-slug="${EXERCISE}"]`);
  await expect(row).toContainText("1 / 1");
  await expect(row).toContainText("100%");
  await row.getByRole("link").click();
  const patterns = teacher.getByTestId("patterns");
  await expect(patterns).toContainText("100% of failing submissions");
  await expect(patterns.getByTestId("pattern-summary").first()).toHaveText(/^deadlock taking fork-\d/);
  await patterns
    .getByRole("link", { name: /example/ })
    .first()
    .click();
  await expect(teacher.getByTestId("submission-code")).toContainText("await using _left = await left.hold();");
  await expect(teacher.getByTestId("submission-result").getByTestId("verdict")).toHaveAttribute(
    "data-verdict",
    "deadlock",
  );

  // 5. Regrade that submission through the queue: before and after on the insight page.
  await teacher.getByRole("button", { name: "Regrade this submission" }).click();
  await expect(teacher.getByText("1 queued for regrading")).toBeVisible();
  await teacher.goto(`/courses/${courseId}/insight/${EXERCISE}`);
  const regrades = teacher.getByTestId("regrades");
  await expect(regrades).toContainText("Deadlock · 0");
  await expect(async () => {
    await teacher.reload();
    await expect(regrades.locator("tbody tr").first().locator("td").nth(3)).toHaveText("Deadlock · 0", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 90_000 });

  // 6. The grade book and its CSV show the score.
  await teacher.goto(`/courses/${courseId}/gradebook`);
  const line = teacher.getByTestId("gradebook").locator(`tr[data-email="${account.email}"]`);
  await expect(line.locator(`td[data-slug="${EXERCISE}"]`)).toHaveText("100");
  await expect(line.getByTestId("total")).toHaveText("100");
  const downloading = teacher.waitForEvent("download");
  await teacher.getByRole("link", { name: "Download CSV" }).click();
  const download = await downloading;
  const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
  expect(csv[0]).toBe(`email,displayName,${EXERCISE},total`);
  expect(csv).toContain(`${account.email},course-student,100,100`);
  const direct = await teacher.request.get(`/api/courses/${courseId}/gradebook.csv`);
  expect(direct.headers()["content-type"]).toContain("text/csv");
  expect(await student.request.get(`/api/courses/${courseId}/gradebook.csv`).then((r) => r.status())).toBe(403);

  // 7. The instructor home lists the course.
  await teacher.goto("/instructor");
  await expect(teacher.getByTestId("teaching-courses")).toContainText(title);
});
