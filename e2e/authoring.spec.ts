import { expect, test, type Page } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, editorText, logIn, logOut, pasteIntoEditor } from "./helpers";

// Issue 16: an instructor authors an exercise in the browser. The harness first misses a mutant:
// the validation (run by the grading worker, not the web server) shows it and publishing is
// refused; the fixed harness validates, the exercise is published, and a student submits to it.

const ID = `e2e-authored-${Date.now().toString(36)}`;
const FIXED_HARNESS = `import { assert, Lock, Shared } from "interleave";
import { countToFour } from "./solution";

export async function fourWorkers() {
  const counter = new Shared(0, "counter");
  const total = await countToFour(counter, new Lock("lock"));
  assert(total === 4, \`four workers should count 4, got \${total}\`);
}
`;
// Accepts any total up to 4: the mutant that reads before joining is not caught as declared.
const WEAK_HARNESS = FIXED_HARNESS.replace("total === 4", "total <= 4");
const REFERENCE = `import { spawn, type Lock, type Shared } from "interleave";

export async function countToFour(counter: Shared<number>, lock: Lock): Promise<number> {
  const workers = [];
  for (let i = 0; i < 4; i++) {
    workers.push(
      spawn(async () => {
        await using _ = await lock.hold();
        const v = await counter.get();
        await counter.set(v + 1);
      }, \`Worker-\${i + 1}\`),
    );
  }
  for (const w of workers) await w.join();
  return counter.get();
}
`;

/** Replace the editor's content the way an author pastes (Monaco reads the paste event's data). */
async function editHarness(page: Page, code: string, marker: string): Promise<void> {
  await page.getByRole("tab", { name: "harness.ts" }).click();
  await expect.poll(() => editorText(page)).toContain("fourWorkers");
  await pasteIntoEditor(page, code);
  await expect.poll(() => editorText(page)).toContain(marker);
}

test("an instructor authors, validates, fixes and publishes an exercise; a student submits to it", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await logIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await page.goto("/instructor");
  await page.getByRole("link", { name: "Author exercises in the browser" }).click();
  await page.getByRole("link", { name: "New exercise" }).click();
  await expect(page.getByRole("heading", { name: "New exercise" })).toBeVisible();

  // The manifest form is parsed by the grader's schema: a wrong total is refused, on its field.
  await page.getByLabel("Stable id").fill(ID);
  await page.getByLabel("Slug (the URL)").fill(ID);
  await page.getByLabel("Title").fill(`Authored ${ID}`);
  await page.getByLabel("Points (the sum of the checks')").fill("11");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("#points-error")).toContainText("must equal the sum of the checks' points (10)");
  await page.getByLabel("Points (the sum of the checks')").fill("10");

  // The statement's preview is the one renderer: GFM tables, raw HTML shown as text.
  await page
    .getByLabel("Markdown")
    .fill("Count to **four**.\n\n| op | point |\n| --- | --- |\n| get | yes |\n\n<script>alert(1)</script>");
  const preview = page.getByTestId("statement-preview");
  await expect(preview.locator("table td").first()).toHaveText("get");
  await expect(preview).toContainText("<script>alert(1)</script>");
  await expect(preview.locator("script")).toHaveCount(0);

  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await editHarness(page, WEAK_HARNESS, "total <= 4");
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(`**/instructor/exercises/${ID}/edit`);

  // Validate: the grading worker runs reference, starter and mutants. One mutant is missed.
  await page.getByRole("button", { name: "Validate" }).click();
  const status = page.getByTestId("validation-status");
  await expect(status).toHaveText("Not valid: this version cannot be published.", { timeout: 150_000 });
  const mutants = page.getByTestId("mutant-results");
  await expect(mutants.locator('tr[data-file="mutants/no-lock.ts"]')).toContainText("caught");
  await expect(mutants.locator('tr[data-file="mutants/no-join.ts"]')).toContainText("missed");
  await expect(page.getByTestId("starter-score")).toContainText("10/10");
  await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("not-valid.png"), fullPage: true });
  // Not visible to students while unpublished.
  expect((await page.request.get(`/exercises/${ID}`)).status()).toBe(404);

  // Fix the harness: Validate saves first, then the worker proves the exercise.
  await editHarness(page, FIXED_HARNESS, "total === 4");
  await page.getByRole("button", { name: "Validate" }).click();
  await expect(status).toHaveText("Valid: this version can be published.", { timeout: 150_000 });
  await expect(mutants.locator('tr[data-file="mutants/no-join.ts"]')).toContainText("caught");
  await expect(page.getByTestId("starter-score")).toContainText("0/10");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("authoring-message")).toContainText("Version 1 is published");
  await expect(page.getByTestId("versions")).toContainText("v1: published");

  // A student sees it and submits the reference: graded against version 1, passed.
  await logOut(page);
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await page.goto(`/exercises/${ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Authored ${ID}`);
  await expect(page.locator(".statement table td").first()).toHaveText("get");
  await expect.poll(() => editorText(page)).toContain("countToFour");
  await pasteIntoEditor(page, REFERENCE);
  await expect.poll(() => editorText(page)).toContain("w.join()");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const verdict = page.getByTestId("submission-result").getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "passed", { timeout: 90_000 });
  await page.screenshot({ path: testInfo.outputPath("student.png"), fullPage: true });
});

test("authoring pages and exports are for instructors only", async ({ page }) => {
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  for (const path of ["/instructor/exercises", "/instructor/exercises/new"]) {
    expect((await page.request.get(path)).status()).toBe(403);
  }
  expect((await page.request.get(`/instructor/exercises/${ID}/export`)).status()).toBe(403);
});
