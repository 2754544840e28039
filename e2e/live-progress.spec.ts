import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { editorText, logIn, pasteIntoEditor, signUpByApi } from "./helpers";

// Issue 14, part A: live progress over Server-Sent Events, Run (Ctrl+Enter, not scored) and
// Submit (Ctrl+Shift+Enter, graded), and a race's timeline showing the lost update. Against the
// production server and its grading worker, with real sandboxes.

const EXERCISE = "shared-counter";
const STARTER = readFileSync(path.join("exercises", EXERCISE, "starter.ts"), "utf8");
// The starter with its workers joined but no lock: the lost update.
const RACY = STARTER.replace(
  /\n\s*\/\/ TODO[^\n]*\n\s*return counter\.get\(\);/,
  "\n  for (const w of workers) await w.join();\n  return counter.get();",
);

type StreamEvent = { type: string; data: Record<string, unknown> };

async function newStudentOnExercise(page: Page, name: string): Promise<void> {
  const account = await signUpByApi(page.context().request, name);
  await page.context().clearCookies();
  await logIn(page, account.email, account.password);
  await page.goto(`/exercises/${EXERCISE}`);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).toContain("countConcurrently");
}

const isEvents = (url: string) => /\/api\/submissions\/[^/]+\/events$/.test(new URL(url).pathname);

test("Run (Ctrl+Enter) is followed live over SSE and says it is not scored; Submit (Ctrl+Shift+Enter) is graded and shows the lost update", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await newStudentOnExercise(page, "run-submit");
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await expect(page.locator("#submit-keys")).toContainText("Ctrl+Shift+Enter");
  await pasteIntoEditor(page, RACY);
  await expect.poll(() => editorText(page)).toContain("await w.join()");

  // Run: the page opens the event stream for the new submission.
  const stream = page.waitForResponse((r) => isEvents(r.url()));
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Enter");
  const response = await stream;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/event-stream");
  const result = page.getByTestId("submission-result");
  await expect(result.getByRole("heading", { name: "Run — not scored" })).toBeVisible();
  await expect(result.getByTestId("verdict")).toHaveAttribute("data-verdict", "race", { timeout: 60_000 });
  await expect(result.getByTestId("score")).toContainText("not scored");
  await expect(result.getByTestId("score")).not.toContainText("/ 100");
  // A Run grades the visible checks only: the hidden one is not in it.
  await expect(result.getByTestId("checks")).not.toContainText("hidden");
  await expect(page.getByTestId("my-submissions").locator(".submission-item").first()).toContainText("run");

  // Submit: graded under the full budget, and counted. What the live view shows on the way is
  // recorded (it may last well under a second on a quiet machine).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { liveSeen: string[] }).liveSeen = seen;
    new MutationObserver(() => {
      const live = document.querySelector("[data-testid=live-progress]");
      if (live) seen.push(`${live.getAttribute("data-state")}: ${live.textContent ?? ""}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const runId = new URL(page.url()).searchParams.get("submission");
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+Shift+Enter");
  await page.waitForURL((url) => {
    const id = url.searchParams.get("submission");
    return id !== null && id !== runId;
  });
  await expect(result.getByRole("heading", { name: "Result", exact: true })).toBeVisible();
  await expect(result.getByTestId("verdict")).toHaveAttribute("data-verdict", "race", { timeout: 90_000 });
  await expect(result.getByTestId("score")).toHaveText("0 / 100 points");
  const seen = await page.evaluate(() => (window as unknown as { liveSeen: string[] }).liveSeen);
  expect(
    seen.some((s) => /^(queued|running): /.test(s)),
    `the live view showed the place in line or the checks: ${JSON.stringify(seen.slice(0, 5))}`,
  ).toBe(true);

  // The race's timeline: read, read, write, write of the counter, adjacent, the failure after them.
  const lost = page.getByTestId("lost-update");
  await expect(lost).toBeVisible();
  await expect(lost).toContainText("update is lost");
  const rows = page.getByTestId("trace-timeline").locator("tbody tr");
  const marked = page.getByTestId("trace-timeline").locator("tbody tr[data-lost-update]");
  await expect(marked).toHaveCount(4);
  const indices = (await marked.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-index"))))).sort(
    (a, b) => a - b,
  );
  expect(indices[3]! - indices[0]!, "the four steps are adjacent").toBe(3);
  const texts = await marked.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
  expect(texts[0]).toMatch(/get counter/);
  expect(texts[1]).toMatch(/get counter/);
  expect(texts[2]).toMatch(/set counter/);
  expect(texts[3]).toMatch(/set counter/);
  const failRow = await rows.evaluateAll((trs) => trs.findIndex((tr) => /fail/.test(tr.textContent ?? "")));
  expect(failRow).toBeGreaterThan(indices[3]!);
  // The join hint is not given to code that joins.
  await expect(result.getByTestId("checks")).not.toContainText("join() each thread");
});

test("the event stream: progress, then done with the verdict; the owner's alone; a reload reconnects", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await newStudentOnExercise(page, "live-stream");
  await pasteIntoEditor(page, RACY);
  await expect.poll(() => editorText(page)).toContain("await w.join()");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("submission") !== null);
  const id = new URL(page.url()).searchParams.get("submission")!;

  // A reload while it is graded reconnects to the stream and ends on the verdict. Grading can
  // end (under a second) before the reload does: the page then shows the result and opens no
  // stream, which is right — there is nothing left to reconnect to.
  const again = page
    .waitForResponse((r) => isEvents(r.url()) && r.url().includes(id), { timeout: 15_000 })
    .catch(() => null);
  await page.reload();
  const response = await again;
  if (response) expect(response.headers()["content-type"]).toContain("text/event-stream");
  await expect(page.getByTestId("submission-result").getByTestId("verdict")).toHaveAttribute("data-verdict", "race", {
    timeout: 90_000,
  });

  // The stream itself, read as the page reads it: the last event is `done`, with the verdict.
  const events = await page.evaluate(
    (url) =>
      new Promise<StreamEvent[]>((resolve, reject) => {
        const seen: StreamEvent[] = [];
        const source = new EventSource(url);
        const timer = setTimeout(() => reject(new Error(`no done event: ${JSON.stringify(seen)}`)), 30_000);
        for (const type of ["progress", "done"])
          source.addEventListener(type, (event) => {
            seen.push({ type, data: JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown> });
            if (type === "done") {
              source.close();
              clearTimeout(timer);
              resolve(seen);
            }
          });
      }),
    `/api/submissions/${id}/events`,
  );
  const done = events.at(-1)!;
  expect(done.type).toBe("done");
  expect(done.data).toMatchObject({ id, status: "done", kind: "submit", finished: true, verdict: "race" });
  const checks = done.data.checks as {
    title: string;
    hidden: boolean;
    explored: number;
    budget: number;
    verdict: string | null;
  }[];
  expect(checks.length).toBe(3);
  for (const c of checks) expect(c.explored).toBeLessThanOrEqual(c.budget);
  // A hidden check shows how far it got, never its verdict.
  expect(checks.filter((c) => c.hidden).every((c) => c.verdict === null)).toBe(true);
  expect(checks.find((c) => !c.hidden)?.verdict).toBe("race");

  // The keys work outside the editor too: Ctrl+Enter on the page is a Run.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("Control+Enter");
  await page.waitForURL((url) => {
    const next = url.searchParams.get("submission");
    return next !== null && next !== id;
  });
  await expect(page.getByTestId("submission-result").getByRole("heading", { name: "Run — not scored" })).toBeVisible();

  // Another student: 404, as for an unknown id. No session: 401.
  const other = await browser.newContext();
  try {
    const stranger = await other.newPage();
    expect((await stranger.request.get(`/api/submissions/${id}/events`)).status()).toBe(401);
    await signUpByApi(stranger.request, "stranger");
    expect((await stranger.request.get(`/api/submissions/${id}/events`)).status()).toBe(404);
  } finally {
    await other.close();
  }
});
