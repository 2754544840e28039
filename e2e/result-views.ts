import { expect, type Page, type TestInfo } from "@playwright/test";
import { lastLineNumber, pasteIntoEditor } from "./helpers";

export { pasteIntoEditor };

// Shared by the issue 14 (part B) specs: programs that fail in a way worth drawing, and the
// steps to submit one and wait for its verdict.

/** A unique last line, so that a paste of the same program twice is still told apart. */
export const marked = (code: string, mark: string) => `${code.trimEnd()}\n// ${mark}\n`;

/** shared-counter: sixteen threads, fifteen take the lock, the last one forgets: a data race in lane 17. */
export const SIXTEEN_THREADS = `import { spawn, type Lock, type Shared } from "interleave";

// Sixteen threads share the increments; fifteen take the lock, the last one forgets it.
export async function countConcurrently(
  counter: Shared<number>,
  lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  const total = threads * perThread;
  const workers = [];
  for (let t = 0; t < 16; t++) {
    const mine = Math.floor(total / 16) + (t < total % 16 ? 1 : 0);
    const careless = t === 15;
    workers.push(
      spawn(async () => {
        for (let i = 0; i < Math.max(1, mine); i++) {
          if (!careless) await lock.acquire();
          const v = await counter.get();
          await counter.set(v + 1);
          if (!careless) lock.release();
        }
      }, \`Racer-\${String(t + 1).padStart(2, "0")}\`),
    );
  }
  for (const w of workers) await w.join();
  return counter.get();
}
`;

/** shared-counter: two threads take two locks in opposite orders: a deadlock (Alice → Bob → Alice). */
export const OPPOSITE_LOCK_ORDER = `import { Lock, sleep, spawn, type Shared } from "interleave";

export async function countConcurrently(
  counter: Shared<number>,
  _lock: Lock,
  threads: number,
  perThread: number,
): Promise<number> {
  const left = new Lock("left");
  const right = new Lock("right");
  const one = spawn(async () => {
    await left.acquire();
    await sleep(1);
    await right.acquire();
    await counter.set((await counter.get()) + threads * perThread);
    right.release();
    left.release();
  }, "Alice");
  const two = spawn(async () => {
    await right.acquire();
    await sleep(1);
    await left.acquire();
    right.release();
    left.release();
  }, "Bob");
  await one.join();
  await two.join();
  return counter.get();
}
`;

/** The highest line number Monaco shows: after a paste the view is at the end of the text. */
export async function openExercise(page: Page, slug: string): Promise<void> {
  await page.goto(`/exercises/${slug}`);
  await expect(page.locator(".monaco-editor .view-lines").first()).toBeVisible();
  await expect.poll(() => lastLineNumber(page)).toBeGreaterThan(1);
}

let tries = 0;

/** Paste `code` (with a last comment line of its own), submit it, and wait for its verdict; returns the verdict. */
export async function submitCode(page: Page, code: string): Promise<string> {
  await pasteIntoEditor(page, marked(code, `e2e try ${Date.now()}-${++tries}`));
  const open = page.getByTestId("submission-result");
  const previous = (await open.count()) > 0 ? await open.getAttribute("data-submission") : null;
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.waitForURL((url) => {
    const id = url.searchParams.get("submission");
    return id !== null && id !== previous;
  });
  const verdict = open.getByTestId("verdict");
  await expect(verdict).toBeVisible({ timeout: 90_000 });
  return (await verdict.getAttribute("data-verdict")) ?? "";
}

/** A screenshot in the test report. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, selector?: string) {
  const target = selector ? page.locator(selector).first() : page;
  await testInfo.attach(name, { body: await target.screenshot(), contentType: "image/png" });
}
