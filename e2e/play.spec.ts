import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { editorText, logIn, pasteIntoEditor, signUpByApi } from "./helpers";

// Issue 14, "you are the scheduler": from a failing result, the student opens the lost update's
// schedule, undoes steps, plays threads by hand (the worker replays each prefix in a sandbox),
// and shares the schedule by its URL. Against the production server and its grading worker.

const EXERCISE = "shared-counter";
const STARTER = readFileSync(path.join("exercises", EXERCISE, "starter.ts"), "utf8");
const RACY = STARTER.replace(
  /\n\s*\/\/ TODO[^\n]*\n\s*return counter\.get\(\);/,
  "\n  for (const w of workers) await w.join();\n  return counter.get();",
);

test("play the lost update's schedule from a failing result: undo, step by hand, restart, share", async ({ page }) => {
  test.setTimeout(180_000);
  const account = await signUpByApi(page.context().request, "Scheduler");
  await page.context().clearCookies();
  await logIn(page, account.email, account.password);
  await page.goto(`/exercises/${EXERCISE}`);
  await expect.poll(() => editorText(page)).toContain("countConcurrently");
  await pasteIntoEditor(page, RACY);
  await expect.poll(() => editorText(page)).toContain("for (const w of workers) await w.join();");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const result = page.getByTestId("submission-result");
  await expect(result.getByTestId("verdict")).toHaveAttribute("data-verdict", "race", { timeout: 90_000 });

  await page.getByRole("link", { name: "Play this schedule yourself" }).click();
  await expect(page.getByRole("heading", { name: "You are the scheduler" })).toBeVisible();
  const schedule = (await page.getByTestId("schedule").textContent())!;
  expect(schedule).toMatch(/^\d+(,\d+)+$/);
  // The whole lost-update schedule: the program's own check fails.
  await expect(page.getByTestId("outcome")).toContainText("race", { timeout: 60_000 });

  // Restart: nothing has run; some thread can take the first step.
  await page.getByRole("button", { name: "Restart" }).click();
  await expect(page.getByTestId("schedule")).toHaveText("(none)");
  expect(new URL(page.url()).searchParams.get("schedule")).toBe("");
  const stepButtons = page.getByRole("button", { name: /^Run next step of / });
  await expect(stepButtons.first()).toBeEnabled({ timeout: 60_000 });

  // Step by hand until the first shared access shows in the shared state.
  for (let i = 0; i < 12; i++) {
    if (await page.getByTestId("shared").isVisible()) break;
    await stepButtons.last().click();
    await expect(page.getByRole("status").filter({ hasText: "Running your schedule" })).toHaveCount(0, {
      timeout: 60_000,
    });
  }
  await expect(page.getByTestId("shared")).toContainText("= 0");
  const played = (await page.getByTestId("schedule").textContent())!;
  expect(new URL(page.url()).searchParams.get("schedule")).toBe(played);

  // Undo drops exactly the last decision.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("schedule")).toHaveText(played.split(",").slice(0, -1).join(",") || "(none)");

  // The link reopens the same schedule.
  const link = await page.getByRole("link", { name: "Link to this schedule" }).getAttribute("href");
  await page.goto(link!);
  await expect(page.getByTestId("schedule")).toHaveText(played.split(",").slice(0, -1).join(",") || "(none)");
  await expect(stepButtons.first()).toBeEnabled({ timeout: 60_000 });
});
