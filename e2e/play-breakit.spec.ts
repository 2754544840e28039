import { expect, test, type Page } from "@playwright/test";
import { logIn, signUpByApi } from "./helpers";

// Issue 14, "you are the scheduler" on a break-it level: a new student opens break-the-increment,
// plays the scheduler on the real program step by step (clicking thread buttons) to the lost
// updates — a = 2 —, submits the schedule they built, and the harness grades it as broken:
// passed, 100 points. Against the production server and its grading worker.

const EXERCISE = "break-the-increment";

// The statement's schedule [0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1] as clicks on the real program:
// MainThread starts the threads and waits for thread 0; each thread's first click starts it;
// once thread 0 is done, MainThread waits for thread 1.
const CLICKS = [
  "MainThread",
  "thread 0", // starts
  "thread 0", // 1  tmp = a        (reads 0)
  "thread 1", // starts
  "thread 1", // 1  tmp = a
  "thread 1", // 2  a = tmp + 1
  "thread 1", // 3  tmp = a
  "thread 1", // 4  a = tmp + 1    (a = 2)
  "thread 0", // 2  a = tmp + 1    (a = 1: a stale write)
  "thread 1", // 5  tmp = a        (reads 1)
  "thread 0", // 3..6: thread 0 finishes (a = 3)
  "thread 0",
  "thread 0",
  "thread 0",
  "MainThread", // thread 0 joined: waits for thread 1
  "thread 1", // 6  a = tmp + 1    (a = 2: another stale write)
];

async function settled(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "Running your schedule" })).toHaveCount(0, {
    timeout: 60_000,
  });
}

test("play the scheduler to break a break-it level, submit the schedule, get it graded", async ({ page }) => {
  test.setTimeout(240_000);
  const account = await signUpByApi(page.context().request, "Breaker");
  await page.context().clearCookies();
  await logIn(page, account.email, account.password);
  await page.goto(`/exercises/${EXERCISE}`);
  await page.getByRole("link", { name: "Play the scheduler" }).click();
  await expect(page.getByRole("heading", { name: "You are the scheduler" })).toBeVisible();
  await expect(page.getByTestId("schedule")).toHaveText("(none)");
  await settled(page);

  for (const [i, thread] of CLICKS.entries()) {
    await page.getByRole("button", { name: `Run next step of ${thread}`, exact: true }).click();
    await settled(page);
    await expect(page.getByTestId("schedule")).toHaveText(
      CLICKS.slice(0, i + 1)
        .map((name) => (name === "MainThread" ? 0 : name === "thread 0" ? 1 : 2))
        .join(","),
    );
    if (i === 8) await expect(page.getByTestId("shared")).toContainText("a = 1");
  }
  // Both threads are done: a = 2, four increments lost.
  await expect(page.getByTestId("shared")).toContainText("a = 2");

  // Undo and redo the last click: the schedule follows.
  await page.getByRole("button", { name: "Undo" }).click();
  await settled(page);
  await expect(page.getByTestId("shared")).toContainText("a = 3");
  await page.getByRole("button", { name: "Run next step of thread 1", exact: true }).click();
  await settled(page);
  await expect(page.getByTestId("shared")).toContainText("a = 2");

  await page.getByRole("button", { name: "Submit this schedule" }).click();
  const sent = page.getByTestId("sent");
  await expect(sent).toContainText("export const schedule = [0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1]", { timeout: 30_000 });
  await sent.getByRole("link", { name: "See the verdict" }).click();
  const result = page.getByTestId("submission-result");
  await expect(result.getByTestId("verdict")).toHaveAttribute("data-verdict", "passed", { timeout: 120_000 });
  await expect(result.getByTestId("score")).toContainText("100 / 100");
});
