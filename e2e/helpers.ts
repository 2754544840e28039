import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";

// The seeded demo accounts (server/users/seed-demo-users.ts, README.md).
export const DEMO_STUDENT = { email: "student@interleave.dev", password: "interleave-student", name: "Demo Student" };
export const DEMO_INSTRUCTOR = {
  email: "instructor@interleave.dev",
  password: "interleave-instructor",
  name: "Demo Instructor",
};

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes("/login")) await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByTestId("session").getByRole("link", { name: "Log in" })).toBeVisible();
}

/** The first exercise on the home page: the tests use whatever exercises/ holds. */
export async function firstExercise(page: Page): Promise<{ title: string; href: string }> {
  await page.goto("/");
  const link = page.locator(".exercise-link").first();
  await expect(link, "the catalogue should list at least one exercise from exercises/").toBeVisible();
  return { title: (await link.innerText()).trim(), href: (await link.getAttribute("href")) ?? "" };
}

/** The text Monaco shows, with its non-breaking spaces made ordinary. */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator(".monaco-editor .view-lines").innerText()).replace(/\u00a0/g, " ");
}

/** A fresh student account through the sign-up API (the request context keeps its cookie). */
export async function signUpByApi(
  request: APIRequestContext,
  name: string,
  password = "long-enough-password",
): Promise<{ email: string; password: string }> {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const response = await request.post("/api/auth/signup", {
    data: { email, displayName: name, password },
    // Each simulated student signs up from an address of their own: the suite creates more
    // accounts than one address may in ten minutes (30, server/auth/auth-throttle.ts). The
    // server trusts the last X-Forwarded-For entry (server/auth/client-address.ts), as it does
    // behind the reverse proxy SECURITY.md requires; the throttle's own tests keep one address.
    headers: { Accept: "application/json", "X-Forwarded-For": studentAddress() },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { email, password };
}

/** A made-up private client address (10.0.0.0/8), different per call with high probability. */
function studentAddress(): string {
  const octet = () => Math.floor(Math.random() * 256);
  return `10.${octet()}.${octet()}.${octet()}`;
}

/** Log a request context in through the log-in API; returns the response. */
export async function logInByApi(request: APIRequestContext, email: string, password: string): Promise<APIResponse> {
  return request.post("/api/auth/login", { data: { email, password }, headers: { Accept: "application/json" } });
}

/** The number of the editor's last line (Monaco renders only what is in view; short programs fit). */
export async function lastLineNumber(page: Page): Promise<number> {
  const numbers = await page.locator(".monaco-editor .line-numbers").allInnerTexts();
  return Math.max(0, ...numbers.map((n) => Number(n) || 0));
}

/**
 * Replace the editor's content the way a student pastes (Monaco reads the paste event's data),
 * and make sure it took: Monaco ignores a paste until it has the focus, which it may not have
 * yet right after the page loaded or a result opened; so click, select all, paste, check, and
 * try again if the editor does not end with the pasted text's last line.
 */
export async function pasteIntoEditor(page: Page, code: string): Promise<void> {
  const text = code.endsWith("\n") ? code : `${code}\n`;
  const lines = text.split("\n").length;
  const last = text.trimEnd().split("\n").at(-1)!.trim();
  await expect(async () => {
    await page.locator(".monaco-editor .view-lines").first().click();
    // A click has been seen not to move the focus into Monaco's textarea for seconds on end (a
    // CI run: 30 s of clicks, the textarea never active): give it the focus directly as well.
    const textarea = page.locator(".monaco-editor textarea").first();
    if (!(await textarea.evaluate((el) => el === document.activeElement))) await textarea.focus();
    await expect(textarea).toBeFocused({ timeout: 2_000 });
    await page.keyboard.press("ControlOrMeta+A");
    await page
      .locator(".monaco-editor textarea")
      .first()
      .evaluate((textarea, pasted) => {
        const data = new DataTransfer();
        data.setData("text/plain", pasted);
        textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    await expect.poll(() => lastLineNumber(page), { timeout: 2_000 }).toBe(lines);
    expect(await editorText(page)).toContain(last);
  }).toPass({ timeout: 30_000 });
}
