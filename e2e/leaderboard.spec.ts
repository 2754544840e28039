import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_INSTRUCTOR, editorText, logIn, signUpByApi } from "./helpers";

// Leaderboards end to end (issue 15): real submissions graded by the real worker put students on
// the exercise and site boards; equal scores rank by the time reached; an opted-out student is
// absent from others' views but sees their own rank; an open board updates without a reload.

const EXERCISE = "shared-counter";
const REFERENCE = readFileSync(path.join("exercises", EXERCISE, "reference.ts"), "utf8");
const RUN = `${Date.now() % 100_000}`;

type Entry = {
  rank: number;
  displayName: string;
  score: number;
  maxScore: number;
  speedup: number | null;
  reachedAt: string;
  you: boolean;
};
type Board = { scope: string; rules: string; entries: Entry[] };

async function student(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpByApi(page.request, name);
  return page;
}

/** Paste the reference into the editor, Submit, and wait for "Passed". */
async function passExercise(page: Page): Promise<void> {
  await page.goto(`/exercises/${EXERCISE}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).toContain("countConcurrently");
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.locator(".monaco-editor textarea").evaluate((textarea, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, REFERENCE);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const verdict = page.getByTestId("submission-result").getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "passed", { timeout: 90_000 });
}

async function board(page: Page, scope: string): Promise<Board> {
  const response = await page.request.get(`/api/leaderboards/${scope}`);
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text, "a board never carries an email").not.toContain("@example.com");
  return JSON.parse(text) as Board;
}

test("students pass, rank by time on the exercise and site boards, live; an opted-out student is seen only by themselves", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const first = `first-${RUN}`;
  const second = `second-${RUN}`;
  const hidden = `hidden-${RUN}`;
  const a = await student(browser, first);
  const b = await student(browser, second);
  const c = await student(browser, hidden);

  // Boards are for logged-in users; an unknown scope is a JSON 404.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/leaderboards/site")).status()).toBe(401);
  expect((await a.request.get("/api/leaderboards/galaxy")).status()).toBe(404);
  expect((await a.request.get("/api/leaderboards/exercise/no-such-exercise")).status()).toBe(404);
  await anonymous.close();

  // C opts out on the account page before passing.
  await c.goto("/account");
  await c.getByLabel("Leave me off the leaderboards others see").check();
  await c.getByRole("button", { name: "Save leaderboard settings" }).click();
  await expect(c.getByRole("status")).toContainText("You are off the boards others see");

  await passExercise(a);
  await passExercise(c);

  // A's board is open while B passes: B appears without a reload.
  await a.goto(`/exercises/${EXERCISE}/leaderboard`);
  await expect(a.getByRole("heading", { level: 1 })).toContainText("leaderboard");
  await expect(a.getByTestId("board-rules")).toContainText("earlier time");
  const mine = a.getByTestId("leaderboard").locator("tr.you");
  await expect(mine).toContainText(`${first} (you)`);
  await expect(a.getByTestId("leaderboard")).not.toContainText(hidden);

  await passExercise(b);
  const bRow = a.getByTestId("leaderboard").getByRole("row").filter({ hasText: second });
  await expect(bRow).toBeVisible({ timeout: 30_000 });

  // Same score, B later: B directly below A (others may be on the board from other specs).
  const seenByA = await board(a, `exercise/${EXERCISE}`);
  const aEntry = seenByA.entries.find((e) => e.displayName === first)!;
  const bEntry = seenByA.entries.find((e) => e.displayName === second)!;
  expect(aEntry).toMatchObject({ score: 100, maxScore: 100, you: true, speedup: null });
  expect(bEntry).toMatchObject({ score: 100, you: false });
  expect(Date.parse(bEntry.reachedAt)).toBeGreaterThan(Date.parse(aEntry.reachedAt));
  expect(bEntry.rank).toBe(aEntry.rank + 1);
  expect(seenByA.entries.map((e) => e.displayName)).not.toContain(hidden);
  expect(seenByA.scope).toBe(`exercise/${EXERCISE}`);
  expect(seenByA.rules).toMatch(/competition|share a rank/);
  await expect(a.getByTestId("leaderboard").locator("tr.you td.rank")).toHaveText(String(aEntry.rank));
  await expect(bRow.locator("td.rank")).toHaveText(String(bEntry.rank));

  // The site board: the same order for the totals; B sees themselves highlighted.
  const site = await board(b, "site");
  const aSite = site.entries.find((e) => e.displayName === first)!;
  const bSite = site.entries.find((e) => e.displayName === second)!;
  expect(bSite.you).toBe(true);
  expect(aSite.score).toBe(bSite.score);
  expect(bSite.rank).toBeGreaterThan(aSite.rank);
  expect(site.entries.map((e) => e.displayName)).not.toContain(hidden);
  await b.goto("/leaderboard");
  await expect(b.getByTestId("leaderboard").locator("tr.you")).toContainText(`${second} (you)`);
  await expect(b.getByTestId("leaderboard")).toContainText(first);
  await expect(b.getByTestId("leaderboard")).not.toContainText(hidden);

  // C, opted out, sees their own rank, between A and B's.
  const seenByC = await board(c, `exercise/${EXERCISE}`);
  const cEntry = seenByC.entries.find((e) => e.you)!;
  expect(cEntry.displayName).toBe(hidden);
  expect(cEntry.rank).toBe(aEntry.rank + 1);
  expect(seenByC.entries.find((e) => e.displayName === second)!.rank).toBe(aEntry.rank + 2);
  await c.goto(`/exercises/${EXERCISE}/leaderboard`);
  await expect(c.getByTestId("board-yours")).toContainText("You opted out");

  // The live poll is cheap: an unchanged board answers 304 to its ETag.
  const polled = await a.request.get(`/api/leaderboards/exercise/${EXERCISE}?top=50&near=5`);
  const etag = polled.headers()["etag"]!;
  expect(etag).toBeTruthy();
  const again = await a.request.get(`/api/leaderboards/exercise/${EXERCISE}?top=50&near=5`, {
    headers: { "If-None-Match": etag },
  });
  expect(again.status()).toBe(304);

  // An instructor hides B with a reason: gone for everyone, B included; the reason is kept.
  const teacher = await (await browser.newContext()).newPage();
  await logIn(teacher, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await teacher.goto(`/exercises/${EXERCISE}/leaderboard`);
  await teacher.getByLabel("Entry").selectOption({ label: `#${bEntry.rank} ${second}` });
  await teacher.getByLabel("Reason (kept with the decision)").fill("identical to another submission");
  await teacher.getByRole("button", { name: "Hide entry" }).click();
  await expect(teacher.locator(".board-manage").getByRole("status")).toContainText("Hidden");
  await expect(teacher.locator(".board-manage")).toContainText(`${second}: identical to another submission`);
  expect((await board(a, `exercise/${EXERCISE}`)).entries.map((e) => e.displayName)).not.toContain(second);
  expect((await board(b, `exercise/${EXERCISE}`)).entries.some((e) => e.you)).toBe(false);
  expect(
    (
      await a.request.get(`/api/leaderboards/exercise/${EXERCISE}?top=50&near=5`, {
        headers: { "If-None-Match": etag },
      })
    ).status(),
  ).toBe(200);

  // The catalogue shows A's progress.
  await a.goto(`/?status=solved`);
  await expect(a.getByTestId("progress-total")).toContainText("1 of");
  await expect(a.locator(".exercise-card").filter({ hasText: "Solved" }).first()).toBeVisible();
});
