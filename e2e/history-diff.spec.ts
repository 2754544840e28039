import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { logIn, signUpByApi } from "./helpers";
import { attachScreenshot, openExercise, submitCode } from "./result-views";

// Issue 14 (part B): any two tries from the history, compared in Monaco's diff editor with
// their verdicts. Another student cannot open the comparison of someone else's tries.

const STARTER = readFileSync(path.join("exercises", "shared-counter", "starter.ts"), "utf8");
const REFERENCE = readFileSync(path.join("exercises", "shared-counter", "reference.ts"), "utf8");

test("two tries picked from the history open side by side in the diff editor", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const student = await signUpByApi(page.context().request, "diff");
  await page.context().clearCookies();
  await logIn(page, student.email, student.password);
  await openExercise(page, "shared-counter");
  const first = await submitCode(page, STARTER);
  expect(first).not.toBe("passed");
  expect(await submitCode(page, REFERENCE)).toBe("passed");

  const history = page.getByTestId("my-submissions");
  const items = history.locator(".submission-row");
  await expect(items).toHaveCount(2);
  await expect(history.getByTestId("compare-bar")).toContainText("Tick two tries");
  await items.nth(0).getByRole("checkbox").check();
  await expect(history.getByTestId("compare-bar")).toContainText("one more");
  await items.nth(1).getByRole("checkbox").check();
  await history.getByRole("link", { name: "Compare the two tries" }).click();
  await page.waitForURL(/\/exercises\/shared-counter\/compare\?a=.+&b=.+/);

  // The older try (the starter) on the left with its verdict, the newer (passed) on the right.
  await expect(page.getByRole("heading", { name: "Compare two tries" })).toBeVisible();
  await expect(page.getByTestId("compare-older").getByTestId("verdict")).toHaveAttribute("data-verdict", first);
  await expect(page.getByTestId("compare-newer").getByTestId("verdict")).toHaveText("Passed");
  const diff = page.getByTestId("code-diff");
  await expect(diff.locator(".monaco-diff-editor")).toBeVisible();
  // Monaco marks the lines the reference adds (the lock) and the ones it removes.
  await expect(diff.locator(".line-insert").first()).toBeVisible();
  await expect(diff.locator(".editor.original .view-lines")).toContainText("TODO");
  await expect(diff.locator(".editor.modified .view-lines")).toContainText("lock");
  await attachScreenshot(page, testInfo, "two tries compared");

  // Someone else's tries are not found (the same address, another student).
  const compareUrl = page.url();
  const other = await browser.newContext();
  const stranger = await other.newPage();
  const account = await signUpByApi(stranger.context().request, "diff-stranger");
  await stranger.context().clearCookies();
  await logIn(stranger, account.email, account.password);
  const response = await stranger.goto(compareUrl);
  expect(response?.status()).toBe(404);
  await other.close();
});
