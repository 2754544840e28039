import { expect, test } from "@playwright/test";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, logIn } from "./helpers";

test("the seeded instructor logs in, sees the role and the instructor page", async ({ page }) => {
  await logIn(page, DEMO_INSTRUCTOR.email, DEMO_INSTRUCTOR.password);
  await expect(page.getByTestId("session")).toContainText(DEMO_INSTRUCTOR.name);
  await expect(page.getByTestId("role")).toHaveText("instructor");

  await page.getByRole("link", { name: "Instructor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instructor");
  await expect(page.locator(".data-table tbody tr").first()).toBeVisible();
});

test("a student is refused the instructor page", async ({ page }) => {
  await logIn(page, DEMO_STUDENT.email, DEMO_STUDENT.password);
  await expect(page.getByTestId("role")).toHaveText("student");
  await expect(page.getByRole("link", { name: "Instructor" })).toHaveCount(0);
  const response = await page.goto("/instructor");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
});
