import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_STUDENT, editorText, logIn, pasteIntoEditor } from "./helpers";

// Submitting and reading results, end to end: the production server and its grading worker
// (both started by scripts/start.mjs), a real database, real sandboxes, a real browser.

const EXERCISE = "shared-counter";
const REFERENCE = readFileSync(path.join("exercises", EXERCISE, "reference.ts"), "utf8");
const STARTER = readFileSync(path.join("exercises", EXERCISE, "starter.ts"), "utf8");
// The starter with its workers joined but no lock: a lost update only some schedules show.
const RACY = STARTER.replace(
  /\n\s*\/\/ TODO[^\n]*\n\s*return counter\.get\(\);/,
  "\n  for (const w of workers) await w.join();\n  return counter.get();",
);

type Timing = { total: number; stored: number; graded: number };

/**
 * Click Submit and wait for the verdict on the page. Returns the milliseconds from the click to
 * the verdict (total), to the submission's id in the address (stored: the server action is
 * back), and the server's own created → finished time (graded: waiting in line plus grading).
 */
async function submitAndWait(page: Page): Promise<Timing> {
  const open = page.getByTestId("submission-result");
  const previous = (await open.count()) > 0 ? await open.getAttribute("data-submission") : null;
  const started = Date.now();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.waitForURL((url) => {
    const id = url.searchParams.get("submission");
    return id !== null && id !== previous;
  });
  const stored = Date.now() - started;
  await expect(open.getByTestId("verdict")).toBeVisible({ timeout: 60_000 });
  const total = Date.now() - started;
  const id = new URL(page.url()).searchParams.get("submission");
  const view = (await (await page.request.get(`/api/submissions/${id}`)).json()) as {
    createdAt: string;
    finishedAt: string;
  };
  return { total, stored, graded: Date.parse(view.finishedAt) - Date.parse(view.createdAt) };
}

const describeTiming = (t: Timing) =>
  `${t.total} ms (action back after ${t.stored} ms; stored → graded on the server ${t.graded} ms)`;

/** Replace the editor's content the way a student pastes (Monaco reads the paste event's data). */
test("a student submits racy code, steps through the failing interleaving, then passes", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await page.goto(`/exercises/${EXERCISE}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).toContain("countConcurrently");
  const mine = page.getByTestId("my-submissions").getByRole("button");
  const before = await mine.count();

  // 1. Racy code (the starter, joined, without the lock): not passed.
  expect(RACY).not.toBe(STARTER);
  await pasteIntoEditor(page, RACY);
  await expect.poll(() => editorText(page)).toContain("await w.join()");
  const starter = await submitAndWait(page);
  const result = page.getByTestId("submission-result");
  const verdict = result.getByTestId("verdict");
  await expect(verdict).not.toHaveAttribute("data-verdict", "passed");
  await expect(result.getByTestId("score")).toHaveText("0 / 100 points");

  // Hidden checks: title and pass/fail only.
  const checks = result.getByTestId("checks");
  await expect(checks).toContainText("Four threads, five increments each");
  await expect(checks.locator(".check").nth(1)).toContainText("hidden");
  await expect(checks).not.toContainText("4 threads × 5 increments");
  // A visible check's message (the race, with both accesses) and its author's hint.
  await expect(checks).toContainText("Data race on 'counter'");
  await expect(checks).toContainText("Hint:");

  // 2. The timeline: one lane per thread of the failing schedule.
  const timeline = page.getByTestId("trace-timeline");
  await expect(timeline).toBeVisible();
  const lanes = timeline.locator("thead th[data-lane]");
  await expect(lanes).toHaveText(["MainThread", "Worker-1", "Worker-2"]);
  const rows = timeline.locator("tbody tr");
  const events = await rows.count();
  expect(events).toBeGreaterThan(1);
  await expect(rows.first()).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("timeline-position")).toHaveText(`1 / ${events}`);

  // The first step happened in the student's code: its line is highlighted in Monaco.
  const editorFrame = page.getByTestId("editor");
  await expect(editorFrame).toHaveAttribute("data-highlighted-line", /^\d+$/);
  await expect(page.locator(".monaco-editor .trace-line-highlight")).toHaveCount(1);
  const firstLine = await editorFrame.getAttribute("data-highlighted-line");

  // Step with Next until the highlighted line changes.
  const next = timeline.getByRole("button", { name: "Next" });
  let step = 1;
  while ((await editorFrame.getAttribute("data-highlighted-line")) === firstLine && step < events) {
    await next.click();
    step++;
    await expect(page.getByTestId("timeline-position")).toHaveText(`${step} / ${events}`);
    await expect(rows.nth(step - 1)).toHaveAttribute("aria-current", "step");
  }
  await expect(editorFrame).not.toHaveAttribute("data-highlighted-line", firstLine ?? "");
  // The keyboard steps too: ← goes back to the previous event.
  await timeline.getByRole("button", { name: "Previous" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("timeline-position")).toHaveText(`${step - 1} / ${events}`);

  // 3. The reference solution, pasted into the editor: passed with full marks.
  await pasteIntoEditor(page, REFERENCE);
  await expect.poll(() => editorText(page)).toContain("lock.hold()");
  const reference = await submitAndWait(page);
  await expect(verdict).toHaveAttribute("data-verdict", "passed");
  await expect(verdict).toHaveText("Passed");
  await expect(result.getByTestId("score")).toHaveText("100 / 100 points");
  await expect(page.getByTestId("trace-timeline")).toHaveCount(0);

  // 4. My submissions: latest first; the older one reopens its result.
  await expect(mine).toHaveCount(before + 2);
  await expect(mine.first()).toContainText("Passed");
  await mine.nth(1).click();
  await expect(verdict).not.toHaveAttribute("data-verdict", "passed");
  await expect(page.getByTestId("trace-timeline")).toBeVisible();
  await expect(page).toHaveURL(/\?submission=/);

  const line =
    `submit → result on the page: racy ${describeTiming(starter)}, reference ${describeTiming(reference)}` +
    " — the product promise is under 2,000 ms";
  console.log(line);
  testInfo.annotations.push({ type: "submit-to-result", description: line });
});

test("a submission can be read by its owner only (and by staff): 404 for other students, 401 without a session", async ({
  page,
  browser,
  baseURL,
}) => {
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await page.goto(`/exercises/${EXERCISE}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page).toHaveURL(/\?submission=/);
  const id = new URL(page.url()).searchParams.get("submission");
  const url = `/api/submissions/${id}`;
  expect((await page.request.get(url)).status()).toBe(200);

  const stranger = await browser.newContext({ baseURL });
  try {
    expect((await stranger.request.get(url)).status()).toBe(401);
    const other = await stranger.newPage();
    await other.goto("/signup");
    await other.getByLabel("Email").fill(`other-${Date.now()}@example.com`);
    await other.getByLabel("Display name").fill("Other Student");
    await other.getByLabel("Password").fill("another-password");
    await other.getByRole("button", { name: "Create account" }).click();
    await expect(other.getByTestId("session")).toContainText("Other Student");
    const response = await other.request.get(url);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain("countConcurrently");
    // Opening it in the page shows the same 404 in words.
    await other.goto(`/exercises/${EXERCISE}?submission=${id}`);
    await expect(other.getByTestId("submission-result")).toContainText("There is no such submission.");
  } finally {
    await stranger.close();
  }
});

test("empty code is refused on the page, with the reason", async ({ page }) => {
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await page.goto(`/exercises/${EXERCISE}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  const mine = page.getByTestId("my-submissions").getByRole("button");
  const before = await mine.count();
  await pasteIntoEditor(page, "   \n");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.locator("#submit-error")).toHaveAttribute("role", "alert");
  await expect(page.locator("#submit-error")).toContainText("the editor is empty");
  await expect(mine).toHaveCount(before);
});
