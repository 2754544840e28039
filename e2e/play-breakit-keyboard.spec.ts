import { expect, test, type Page } from "@playwright/test";
import { logIn, signUpByApi } from "./helpers";

// Issue 14's play page, as a student on a phone-sized screen who uses only the keyboard: the
// page fits 390 px without sideways scrolling, every control is reached with Tab and pressed
// with Enter, the focus stays on the thread button that was pressed (so a student can press
// Enter again for the next step), and "Submit this schedule" sends the schedule built.

const EXERCISE = "break-the-increment";

async function settled(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "Running your schedule" })).toHaveCount(0, {
    timeout: 60_000,
  });
}

/** Tab from where the focus is until `name` has it (at most 80 presses): the control is reachable. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
    });
    if (focused === name) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`"${name}" was not reached with Tab`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.use({ viewport: { width: 390, height: 844 } });

test("the play page at 390 px, keyboard only: step, undo, submit", async ({ page }) => {
  test.setTimeout(240_000);
  const account = await signUpByApi(page.context().request, "Keys");
  await page.context().clearCookies();
  await logIn(page, account.email, account.password);
  await page.goto(`/exercises/${EXERCISE}/play`);
  await expect(page.getByRole("heading", { name: "You are the scheduler" })).toBeVisible();
  await settled(page);
  await noSidewaysScroll(page);

  // MainThread starts both threads; then thread 0 reads a = 0, and Enter again on the same
  // button (the focus stayed on it) takes its next step.
  await tabTo(page, "Run next step of MainThread");
  await page.keyboard.press("Enter");
  await settled(page);
  await expect(page.getByTestId("schedule")).toHaveText("0");
  await tabTo(page, "Run next step of thread 0");
  await page.keyboard.press("Enter");
  await settled(page);
  await expect(page.getByRole("button", { name: "Run next step of thread 0", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await settled(page);
  await expect(page.getByTestId("schedule")).toHaveText("0,1,1");
  await noSidewaysScroll(page);

  await tabTo(page, "Undo");
  await page.keyboard.press("Enter");
  await settled(page);
  await expect(page.getByTestId("schedule")).toHaveText("0,1");

  await tabTo(page, "Submit this schedule");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sent")).toContainText("export const schedule", { timeout: 30_000 });
  await noSidewaysScroll(page);
});
