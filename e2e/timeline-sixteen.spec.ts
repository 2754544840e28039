import { expect, test, type Locator } from "@playwright/test";
import { logIn, signUpByApi } from "./helpers";
import { attachScreenshot, openExercise, SIXTEEN_THREADS, submitCode } from "./result-views";

// Issue 14 (part B): a failing interleaving of 17 threads (main + 16 racers, graded for real)
// stays readable: compact lanes that scroll sideways inside the timeline only, a sticky header,
// the current step's cell kept in view, lanes pinned at the left or hidden.

/** The part of `cell` the timeline's box shows, in pixels (0: hidden). */
async function visibleWidth(box: Locator, cell: Locator): Promise<number> {
  const b = (await box.boundingBox())!;
  const c = (await cell.boundingBox())!;
  return Math.max(0, Math.min(b.x + b.width, c.x + c.width) - Math.max(b.x, c.x));
}

test("sixteen racing threads: the current cell stays in view, lanes pin and hide", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const student = await signUpByApi(page.context().request, "sixteen-lanes");
  await page.context().clearCookies();
  await logIn(page, student.email, student.password);
  await openExercise(page, "shared-counter");
  expect(await submitCode(page, SIXTEEN_THREADS)).toBe("race");

  const timeline = page.getByTestId("trace-timeline");
  const box = timeline.getByTestId("timeline-scroll");
  const lanes = timeline.locator("thead th[data-lane]");
  await expect(lanes).toHaveCount(17);
  await expect(lanes.last()).toHaveText("Racer-16");
  await expect(timeline).toHaveClass(/timeline-compact/);

  // Wider than its column: it scrolls inside its own box, and the page does not scroll sideways.
  const overflow = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(overflow.scroll).toBeGreaterThan(overflow.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The last step is Racer-16's racing read, in the last lane: End brings its cell into view.
  await timeline.getByRole("button", { name: "Next" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("End");
  const rows = timeline.locator("tbody tr");
  const count = await rows.count();
  await expect(timeline.getByTestId("timeline-position")).toHaveText(`${count} / ${count}`);
  await expect(timeline.getByTestId("timeline-current")).toContainText("Racer-16");
  const current = timeline.locator("td[data-current-cell]");
  await expect(current).toHaveCount(1);
  await expect.poll(() => visibleWidth(box, current)).toBeGreaterThan(40);
  expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The header sticks at the top of the box while the rows scroll under it.
  const headTop = (await lanes.first().boundingBox())!.y;
  expect(Math.abs(headTop - (await box.boundingBox())!.y)).toBeLessThan(3);
  await attachScreenshot(page, testInfo, "timeline at the last step (16 threads)", '[data-testid="trace-timeline"]');

  // Home goes back to the first step, MainThread's, at the left.
  await page.keyboard.press("Home");
  await expect(timeline.getByTestId("timeline-position")).toHaveText(`1 / ${count}`);
  await expect.poll(() => visibleWidth(box, timeline.locator("td[data-current-cell]"))).toBeGreaterThan(40);

  // Pin Racer-16: its lane moves to the left, after Step and Time, and stays there when scrolled.
  await timeline.getByTestId("lane-controls").locator("summary").click();
  await timeline.getByRole("button", { name: "Pin Racer-16" }).click();
  await expect(timeline.getByRole("button", { name: "Pin Racer-16" })).toHaveAttribute("aria-pressed", "true");
  await expect(lanes.first()).toHaveText("Racer-16");
  const pinnedX = (await lanes.first().boundingBox())!.x;
  await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(async () => Math.round((await lanes.first().boundingBox())!.x - pinnedX)).toBe(0);
  expect(await visibleWidth(box, lanes.first())).toBeGreaterThan(40);

  // Hide Racer-03: one lane fewer, and its steps are shown in the "Hidden lanes" column.
  await timeline.getByRole("checkbox", { name: "Show Racer-03" }).uncheck();
  await expect(lanes).toHaveCount(16);
  await expect(timeline.locator("thead th", { hasText: "Hidden lanes" })).toBeVisible();
  await expect(timeline.locator("td.lane-others.event").first()).toContainText("Racer-03");
  await expect(timeline.getByTestId("lane-controls").locator("summary")).toContainText("1 hidden, 1 pinned");
  await attachScreenshot(page, testInfo, "timeline with a pinned and a hidden lane", '[data-testid="trace-timeline"]');
  await timeline.getByRole("button", { name: "Show every lane" }).click();
  await expect(lanes).toHaveCount(17);
});
