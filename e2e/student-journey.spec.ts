import { expect, test } from "@playwright/test";
import { DEMO_STUDENT, editorText, firstExercise, logIn, logOut } from "./helpers";

test("a new student signs up, logs out, logs back in and writes code in Monaco", async ({ page, baseURL }) => {
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && url.origin !== new URL(baseURL ?? "").origin) {
      foreignRequests.push(request.url());
    }
  });
  const email = `learner-${Date.now()}@example.com`;
  const password = "threads-and-locks";

  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Display name").fill("Ada Learner");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  const session = page.getByTestId("session");
  await expect(session).toContainText("Ada Learner");
  await expect(page.getByTestId("role")).toHaveText("student");

  await logOut(page);
  await expect(session).not.toContainText("Ada Learner");

  await logIn(page, email, password);
  await expect(session).toContainText("Ada Learner");

  const exercise = await firstExercise(page);
  await page.locator(".exercise-link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(exercise.title);
  await expect(page.getByRole("region", { name: "Statement" })).not.toBeEmpty();

  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  // The starter code is in the editor before anyone types.
  await expect.poll(() => editorText(page)).not.toBe("");

  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("const typedByPlaywright = 42;");
  await expect.poll(() => editorText(page)).toContain("const typedByPlaywright = 42;");

  // A TypeScript model with its language service (a bundled web worker) behind it: a type
  // error gets squiggled.
  await expect(editor).toHaveAttribute("data-uri", /solution\.ts$/);
  await page.keyboard.press("Enter");
  await page.keyboard.type('const shouldBeANumber: number = "not a number";');
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached();

  // Everything came from our own server: no CDN.
  expect(foreignRequests).toEqual([]);
});

test("an exercise page asks for a login and then comes back to the exercise", async ({ page }) => {
  const exercise = await firstExercise(page);
  await page.goto(exercise.href);
  await expect(page).toHaveURL(/\/login\?next=/);
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await expect(page).toHaveURL(new RegExp(`${exercise.href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(exercise.title);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
});
