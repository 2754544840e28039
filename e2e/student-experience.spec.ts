import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { editorText, logIn, logOut, pasteIntoEditor, signUpByApi } from "./helpers";

// Issue 14, the student's experience (second pass): each test is one bug of the issue, written to
// fail on the code from before the fix.

const EXERCISE = "shared-counter";

// better-sqlite3 (the server's SQLite driver) ships no types; the little used here is typed here.
type SqliteStatement = { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => {
  prepare(sql: string): SqliteStatement;
  close(): void;
};

/** Replace the editor's content the way a student pastes (Monaco reads the paste event's data). */
async function openExercise(page: Page): Promise<void> {
  await page.goto(`/exercises/${EXERCISE}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).toContain("countConcurrently");
}

/**
 * Past submissions straight into the server's database (23 gradings would cost minutes of CPU):
 * "failed" rows, which no grader picks up. Dates are written as Prisma's SQLite adapter writes them.
 */
function insertOldSubmissions(email: string, count: number): void {
  const db = new Database(path.join(process.env.E2E_DIR!, "e2e.db"));
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email.toLowerCase()) as { id: string };
    const exercise = db.prepare("SELECT id FROM Exercise WHERE slug = ?").get(EXERCISE) as { id: string };
    const insert = db.prepare(
      "INSERT INTO Submission (id, userId, exerciseId, code, status, attempts, error, createdAt) VALUES (?, ?, ?, ?, 'failed', 0, ?, ?)",
    );
    const start = Date.now() - 24 * 3600 * 1000;
    for (let i = 0; i < count; i++) {
      const createdAt = new Date(start + i * 60_000).toISOString().replace("Z", "+00:00");
      insert.run(`old-${user.id}-${i}`, user.id, exercise.id, `// old try ${i}\n`, `old try ${i}`, createdAt);
    }
  } finally {
    db.close();
  }
}

async function newStudent(page: Page, name: string): Promise<{ email: string; password: string }> {
  const account = await signUpByApi(page.context().request, name);
  await page.context().clearCookies();
  return account;
}

test("a draft belongs to its account: saved on the server, found on another browser, gone from this one at log-out", async ({
  page,
  browser,
}) => {
  const ada = await newStudent(page, "draft-ada");
  const bob = await newStudent(page, "draft-bob");
  const marker = `// ada's draft ${Date.now()}`;

  await logIn(page, ada.email, ada.password);
  await openExercise(page);
  await pasteIntoEditor(page, `${marker}\nexport {};\n`);
  await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");

  // Another browser (no shared storage): the draft comes from the server.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await logIn(other, ada.email, ada.password);
  await other.goto(`/exercises/${EXERCISE}`);
  await expect.poll(() => editorText(other)).toContain(marker);
  await elsewhere.close();

  // Log out on the shared browser: no copy of any draft stays in it, and the next student sees
  // the starter code.
  await page.goto("/");
  await logOut(page);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes("draft")));
  expect(kept).toEqual([]);
  await logIn(page, bob.email, bob.password);
  await openExercise(page);
  expect(await editorText(page)).not.toContain(marker);
});

test("pasting 1 MB gives the size message, not the error page", async ({ page }) => {
  const student = await newStudent(page, "big-paste");
  await logIn(page, student.email, student.password);
  await openExercise(page);
  const line = "// " + "x".repeat(97) + "\n";
  await pasteIntoEditor(page, line.repeat(10_500));
  await expect(page.getByTestId("draft-status")).toContainText("at most 100 KB");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "at most 100 KB" })).toBeVisible();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
});

test("a submission nobody grades says so and stops polling", async ({ page }) => {
  const student = await newStudent(page, "no-grader");
  await logIn(page, student.email, student.password);
  // The server's answer for a submission queued for two minutes with no grader alive (the server
  // side of this is unit-tested in server/submissions/grading-delay.test.ts).
  let polls = 0;
  await page.route("**/api/submissions/stalled-submission", async (route) => {
    polls++;
    await route.fulfill({
      json: {
        id: "stalled-submission",
        status: "queued",
        exercise: { slug: EXERCISE, title: "Shared counter" },
        createdAt: new Date(Date.now() - 120_000).toISOString(),
        finishedAt: null,
        attempts: 0,
        error: null,
        code: "export {};\n",
        result: null,
        delay: { reason: "no-worker", waitingSeconds: 120, ahead: 0 },
      },
    });
  });
  await page.goto(`/exercises/${EXERCISE}?submission=stalled-submission`);
  await expect(page.getByTestId("grading-delayed")).toContainText("Grading is delayed: no grader is running");
  const seen = polls;
  await page.waitForTimeout(2_000);
  expect(polls, "the page should stop polling once it knows no grader runs").toBe(seen);
  await page.getByRole("button", { name: "Check again" }).click();
  await expect.poll(() => polls).toBe(seen + 1);
});

test("titles show inline code, not backticks", async ({ page }) => {
  await page.goto("/");
  const titles = page.locator(".exercise-link");
  await expect(titles.first()).toBeVisible();
  expect((await titles.allInnerTexts()).filter((title) => title.includes("`"))).toEqual([]);
  await expect(page.locator('.exercise-link[href="/exercises/bank-account"] code')).toHaveText("with lock:");
});

test("the site has an icon", async ({ page }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});

test("the header fits a 390 px phone", async ({ page }) => {
  const student = await newStudent(page, "a-student-with-a-rather-long-display-name");
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, student.email, student.password);
  await page.goto("/");
  const overflow = await page.evaluate(() => {
    const header = document.querySelector<HTMLElement>(".site-header")!;
    return { page: document.documentElement.scrollWidth, header: header.scrollWidth, width: window.innerWidth };
  });
  expect(overflow.page).toBeLessThanOrEqual(overflow.width);
  expect(overflow.header).toBeLessThanOrEqual(overflow.width);
  await expect(page.getByRole("button", { name: "Log out" })).toBeInViewport();
});

test('"Log in instead?" is a link to the log-in page', async ({ page }) => {
  const student = await newStudent(page, "taken");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Display name").fill("Someone else");
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  const link = page.getByRole("link", { name: "Log in instead?" });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/login/);
});

test("the history goes past 20 submissions", async ({ page }) => {
  const student = await newStudent(page, "many-tries");
  insertOldSubmissions(student.email, 23);
  await logIn(page, student.email, student.password);
  await page.goto(`/exercises/${EXERCISE}`);
  const items = page.getByTestId("my-submissions").locator(".submission-item");
  await expect(items).toHaveCount(20);
  await page.getByRole("button", { name: "Show older submissions" }).click();
  await expect(items).toHaveCount(23);
  await expect(page.getByRole("button", { name: "Show older submissions" })).toHaveCount(0);
});

test("the keyboard: how to leave the editor is on the page, Ctrl+M then Tab leaves it, Ctrl+Enter submits", async ({
  page,
}) => {
  const student = await newStudent(page, "keyboard");
  await logIn(page, student.email, student.password);
  await openExercise(page);
  await expect(page.getByTestId("editor-keys")).toContainText("Ctrl+M");
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+M");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null);
  expect(focused, "Tab should have moved the focus out of the editor").toBe(true);

  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((url) => url.searchParams.get("submission") !== null);
  await expect(page.getByTestId("my-submissions").locator(".submission-item")).toHaveCount(1);
});

test("the timeline's rows take the focus and the arrow keys", async ({ page }) => {
  const student = await newStudent(page, "timeline-keys");
  await logIn(page, student.email, student.password);
  // A graded race, as the results API hands it over (the grader's side of it is tested in
  // grading.spec.ts; this is about the keyboard only).
  const trace = [
    { step: 1, thread: "T1", op: "get", target: "counter", value: 0, line: 5, time: 0 },
    { step: 2, thread: "T2", op: "get", target: "counter", value: 0, line: 5, time: 0 },
    { step: 3, thread: "T1", op: "set", target: "counter", value: 1, line: 6, time: 0 },
    { step: 4, thread: "T2", op: "set", target: "counter", value: 1, line: 6, time: 0 },
  ];
  await page.route("**/api/submissions/raced-submission", (route) =>
    route.fulfill({
      json: {
        id: "raced-submission",
        status: "done",
        exercise: { slug: EXERCISE, title: "Shared counter" },
        createdAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
        attempts: 1,
        error: null,
        code: "export {};\n",
        delay: null,
        result: {
          verdict: "race",
          passed: false,
          score: 0,
          maxScore: 10,
          checks: [],
          diagnostics: [],
          onlyHiddenChecksFailed: false,
          unreadable: false,
          truncated: false,
          failure: {
            checkTitle: "Counts every increment",
            verdict: "race",
            message: "Lost update on counter",
            file: "solution.ts",
            line: 6,
            traceKind: "found",
            preemptions: 1,
            foundPreemptions: 1,
            strategy: "pct",
            seed: 1,
            schedule: 0,
            failingShare: null,
            threads: ["T1", "T2"],
            trace,
            omittedEvents: 0,
            waits: [],
            cycle: [],
            race: null,
            lockOrder: [],
            liveness: null,
            deadlockConfirmation: null,
          },
        },
      },
    }),
  );
  await page.goto(`/exercises/${EXERCISE}?submission=raced-submission`);
  const timeline = page.getByTestId("trace-timeline");
  await expect(timeline.getByTestId("timeline-position")).toHaveText("1 / 4");
  await timeline.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Tab");
  // One tab stop for the table: its current row.
  await expect(timeline.locator('tbody tr[data-index="0"]')).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(timeline.locator('tbody tr[data-index="1"]')).toBeFocused();
  await expect(timeline.getByTestId("timeline-position")).toHaveText("2 / 4");
  await page.keyboard.press("End");
  await expect(timeline.locator('tbody tr[data-index="3"]')).toBeFocused();
});
