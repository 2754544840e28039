import { expect, test } from "@playwright/test";
import { DEMO_STUDENT } from "./helpers";

test("sign-up with bad input explains every problem on the form", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.locator("#email-error")).toContainText("Enter a valid email address");
  await expect(page.locator("#displayName-error")).toHaveText("Enter a display name.");
  await expect(page.locator("#password-error")).toHaveText("Passwords need at least 8 characters.");
  // What the visitor typed is kept (except the password).
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page).toHaveURL(/\/signup/);
});

test("sign-up with an email that already has an account says so", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email.toUpperCase());
  await page.getByLabel("Display name").fill("Copycat");
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toContainText("An account with this email already exists");
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator(".form-error")).toHaveText("That email and password do not match an account.");
});
