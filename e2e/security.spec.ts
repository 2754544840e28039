import { expect, test } from "@playwright/test";
import { DEMO_STUDENT, editorText, firstExercise, logIn, logInByApi, logOut, signUpByApi } from "./helpers";

// Issue 13: the web side read as an attacker would. Each test names the point it proves.

test("security headers on every kind of response: page, API, static file, redirect, 404", async ({ request }) => {
  const home = await request.get("/");
  const script = (await home.text()).match(/<script src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script, "the home page should load a script from /_next/static").toBeTruthy();
  const responses = {
    page: home,
    api: await request.get("/api/submissions/nothing-here"),
    static: await request.get(script!),
    redirect: await request.get("/instructor", { maxRedirects: 0 }),
    missing: await request.get("/no-such-page"),
  };
  for (const [kind, response] of Object.entries(responses)) {
    const headers = response.headers();
    console.log(`${kind}: ${response.status()} content-security-policy: ${headers["content-security-policy"]}`);
    expect(headers["content-security-policy"], kind).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], kind).toBe("nosniff");
    expect(headers["referrer-policy"], kind).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], kind).toBe("DENY");
    // Plain http on 127.0.0.1: no HSTS (it is sent when SESSION_COOKIE_SECURE=true).
    expect(headers["strict-transport-security"], kind).toBeUndefined();
    expect(headers["x-powered-by"], kind).toBeUndefined();
  }
  expect(responses.redirect.status()).toBe(307);
  // The page's scripts carry the nonce its policy names; no script runs without it.
  const nonce = responses.page.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(await home.text()).toContain(`nonce="${nonce}"`);
});

test("the content security policy lets Monaco and its TypeScript worker run, and nothing is blocked", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  const exercise = await firstExercise(page);
  await page.goto(exercise.href);
  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type('const notANumber: number = "text";');
  // The squiggle comes from the TypeScript language service, which runs in a web worker.
  await expect(page.locator(".monaco-editor .squiggly-error").first()).toBeAttached();
  expect(violations).toEqual([]);
});

test("the eleventh wrong password in a minute gets 429 with Retry-After, and the form says so", async ({
  playwright,
  baseURL,
  page,
}) => {
  const owner = await playwright.request.newContext({ baseURL });
  const { email } = await signUpByApi(owner, "throttled");
  await owner.dispose();
  const attacker = await playwright.request.newContext({ baseURL });
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await logInByApi(attacker, email, `guess-${i}`)).status());
  const eleventh = await logInByApi(attacker, email, "guess-10");
  console.log(
    `wrong passwords 1-10: ${statuses.join(",")}; 11th: ${eleventh.status()} Retry-After: ${eleventh.headers()["retry-after"]}`,
  );
  expect(statuses).toEqual(Array(10).fill(401));
  expect(eleventh.status()).toBe(429);
  expect(Number(eleventh.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await eleventh.json()).toMatchObject({ message: expect.stringMatching(/^Too many log-in attempts/) });
  await attacker.dispose();

  // The person at the keyboard sees it on the form, even with the right password.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator(".form-error")).toContainText(
    /Too many log-in attempts\. Try again in \d+ (second|minute)/,
  );
  await expect(page.getByRole("button", { name: "Log out" })).toHaveCount(0);
});

test("next= cannot leave the site: a tab in //evil.example is refused", async ({ page, baseURL }) => {
  await page.goto("/login?next=%2F%09%2Fevil.example");
  await expect(page.locator('input[name="next"]')).toHaveValue("/");
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

  // The API answers the same, with and without JavaScript.
  const response = await page.request.post("/api/auth/login", {
    form: { email: DEMO_STUDENT.email, password: DEMO_STUDENT.password, next: "/\t/evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe("/");
});

test("a log-in always starts a new session: a cookie planted before it is not kept", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("/login");
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  const first = (await context.cookies()).find((c) => c.name === "interleave_session")!;
  expect(first.httpOnly).toBe(true);
  expect(first.sameSite).toBe("Lax");
  // Log in again on top of it (the old cookie is sent along): a different token, the old one dead.
  const again = await logInByApi(page.request, DEMO_STUDENT.email, DEMO_STUDENT.password);
  expect(again.status()).toBe(200);
  const second = (await context.cookies()).find((c) => c.name === "interleave_session")!;
  expect(second.value).not.toBe(first.value);
  const replay = await page.request.get("/api/submissions/x", {
    headers: { Cookie: `interleave_session=${first.value}` },
  });
  expect(replay.status()).toBe(401);
  expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:/);
});

test("log out everywhere and a password change end the account's other sessions", async ({ browser, baseURL }) => {
  const laptop = await browser.newContext({ baseURL });
  const phone = await browser.newContext({ baseURL });
  const { email, password } = await signUpByApi(laptop.request, "two-devices");
  expect((await logInByApi(phone.request, email, password)).status()).toBe(200);
  expect((await phone.request.get("/account", { maxRedirects: 0 })).status()).toBe(200);

  // Password change on the laptop: the phone is logged out, the laptop stays in (new session).
  const page = await laptop.newPage();
  await page.goto("/account");
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed");
  expect((await phone.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);
  expect((await laptop.request.get("/account", { maxRedirects: 0 })).status()).toBe(200);

  // Log out everywhere from the phone (logged in again with the new password): both are out.
  expect((await logInByApi(phone.request, email, "a-brand-new-password")).status()).toBe(200);
  const phonePage = await phone.newPage();
  await phonePage.goto("/account");
  await phonePage.getByRole("button", { name: "Log out everywhere" }).click();
  await expect(phonePage).toHaveURL(/\/login/);
  expect((await laptop.request.get("/account", { maxRedirects: 0 })).status()).toBe(307);
  await laptop.close();
  await phone.close();
});

test("no stack trace or server path in any answer to bad input", async ({ request }) => {
  const probes = [
    await request.post("/api/auth/login", { data: "{not json", headers: { "Content-Type": "application/json" } }),
    await request.post("/api/auth/login", { data: [1, 2], headers: { Accept: "application/json" } }),
    await request.post("/api/auth/login", {
      data: { email: { $ne: 1 }, password: ["x"] },
      headers: { Accept: "application/json" },
    }),
    await request.post("/api/auth/signup", { data: "x".repeat(10_000), headers: { "Content-Type": "text/plain" } }),
    await request.post("/api/auth/login", {
      form: { email: "a@b.c", password: "x" },
      headers: { Origin: "https://evil.example" },
    }),
    await request.get("/api/submissions/%00%2F..%2F..%2Fetc%2Fpasswd"),
    await request.get("/login?next=%E0%A4%A"),
  ];
  const statuses = [];
  for (const response of probes) {
    const body = await response.text();
    statuses.push(response.status());
    expect(response.status(), body).toBeLessThan(500);
    expect(body).not.toMatch(/\n\s+at |node_modules|\/work\/|\/home\/|\/tmp\/|Error: /);
  }
  console.log(`bad-input probes → ${statuses.join(", ")}`);
  expect(statuses.slice(0, 5)).toEqual([400, 400, 422, 400, 403]);
  // Known limit: Next.js itself answers a malformed escape in a dynamic segment with a bare 500,
  // before proxy.ts runs. It still reveals nothing.
  const malformed = await request.get("/exercises/%E0%A4%A");
  expect(await malformed.text()).toBe("Internal Server Error");
});

test("on a shared computer the next student does not open the previous one's draft", async ({ page }) => {
  const first = await signUpByApi(page.request, "first-at-the-lab");
  const exercise = await firstExercise(page);
  await page.goto(exercise.href);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await page.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("// draft-of-the-first-student");
  await expect.poll(() => editorText(page)).toContain("draft-of-the-first-student");
  await logOut(page);

  // Same browser, same localStorage: the next student.
  await signUpByApi(page.request, "second-at-the-lab");
  await page.goto(exercise.href);
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).not.toBe("");
  expect(await editorText(page)).not.toContain("draft-of-the-first-student");

  // The first student, back, finds the draft.
  await logOut(page);
  await logIn(page, first.email, first.password);
  await page.goto(exercise.href);
  await expect.poll(() => editorText(page)).toContain("draft-of-the-first-student");
});
