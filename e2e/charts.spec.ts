import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { logIn, signUpByApi } from "./helpers";
import { attachScreenshot, openExercise, OPPOSITE_LOCK_ORDER, submitCode } from "./result-views";

// Issue 14 (part B): the evidence drawn, from real gradings. A too-slow solution shows its
// speedup against the ideal line and Amdahl's curve, what every thread did over virtual time,
// and its serial line marked in the editor; a deadlock shows its wait-for cycle as a graph.

const SERIAL_STARTER = readFileSync(path.join("exercises", "shrink-the-serial-part", "starter.ts"), "utf8");
/** The line of the starter that parses every record in the calling thread (the serial part). */
const SERIAL_LINE = SERIAL_STARTER.split("\n").findIndex((l) => l.includes("records.push(await p.parse")) + 1;

test.beforeEach(async ({ page }) => {
  const student = await signUpByApi(page.context().request, "charts");
  await page.context().clearCookies();
  await logIn(page, student.email, student.password);
});

test("a too-slow solution: speedup chart, utilisation strip, serial line in the editor", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openExercise(page, "shrink-the-serial-part");
  expect(await submitCode(page, SERIAL_STARTER)).toBe("too-slow");

  const performance = page.getByTestId("performance");
  await expect(performance).toHaveCount(1);
  const chart = performance.getByTestId("speedup-chart");
  const svg = chart.locator("svg");
  await expect(svg).toHaveAttribute("role", "img");
  await expect(svg.locator("title")).toHaveText("Speedup against cores");
  // The description says the measured numbers: 2.26× on 4 cores (the kernel's own speedup), serial fraction 0.26, target 3.5×.
  await expect(svg.locator("desc")).toContainText("2.26× on 4 cores");
  await expect(svg.locator("desc")).toContainText("serial fraction 0.26");
  await expect(svg.locator("desc")).toContainText("needs 3.5×");
  await expect(svg.locator(".chart-ideal")).toHaveCount(1);
  await expect(svg.locator(".chart-amdahl")).toHaveCount(1);
  await expect(svg.locator(".chart-point-miss")).toHaveCount(1);
  // The table fallback: Amdahl's prediction at 4 cores is the measured speedup (f from Karp–Flatt).
  await chart.getByText("The numbers as a table").click();
  const row4 = chart.getByTestId("speedup-table").locator("tbody tr", { has: page.locator("th", { hasText: /^4$/ }) });
  await expect(row4.locator("td")).toHaveText(["4×", "2.26×", "2.26×"]);

  // The strip: the main thread computes alone, then waits while four scorers compute.
  const strip = performance.getByTestId("utilisation-strip");
  await expect(strip.locator("g[data-thread]")).toHaveCount(5);
  await expect(strip.locator('g[data-thread="MainThread"] rect.state-busy')).toHaveCount(1);
  await expect(strip.locator('g[data-thread="MainThread"] rect.state-wait')).toHaveCount(1);
  await expect(strip.locator('g[data-thread="Scorer-1"] rect.state-busy')).toHaveCount(1);
  await strip.getByText("The numbers as a table").click();
  await expect(strip.getByTestId("utilisation-table").locator("tbody tr")).toHaveCount(5);

  // The serial line the explanation names is marked in the editor.
  await expect(performance).toContainText(`Line ${SERIAL_LINE} ran with only one thread computing`);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-serial-lines", `${SERIAL_LINE}-${SERIAL_LINE}`);
  await expect(page.locator(".monaco-editor .serial-line-highlight")).toHaveCount(1);
  await attachScreenshot(page, testInfo, "performance evidence", '[data-testid="performance"]');
});

test("a deadlock: the wait-for cycle as a graph of threads and locks", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openExercise(page, "shared-counter");
  expect(await submitCode(page, OPPOSITE_LOCK_ORDER)).toBe("deadlock");

  const graph = page.getByTestId("wait-for-graph");
  await expect(graph.locator("svg")).toHaveAttribute("role", "img");
  await expect(graph.locator("svg title").first()).toHaveText(
    /Wait-for cycle: (Alice → Bob → Alice|Bob → Alice → Bob)/,
  );
  for (const node of ["Alice", "Bob", "left", "right"])
    await expect(graph.locator(`g[data-node="${node}"]`)).toHaveCount(1);
  await expect(graph.locator("g.graph-thread")).toHaveCount(3); // Alice, Bob and MainThread (joining Alice)
  await expect(graph.locator("g.graph-object")).toHaveCount(2);
  // The cycle: Alice waits for right, held by Bob; Bob waits for left, held by Alice.
  await expect(graph.locator("g.graph-edge.graph-cycle")).toHaveCount(4);
  await expect(graph.locator("svg desc")).toContainText("Alice waits in acquire(right)");
  await expect(graph.locator("svg desc")).toContainText("right is held by Bob");
  await attachScreenshot(page, testInfo, "wait-for graph", '[data-testid="wait-for-graph"]');
});

test("a race draws no wait-for graph and no performance evidence", async ({ page }) => {
  test.setTimeout(120_000);
  await openExercise(page, "shared-counter");
  const starter = readFileSync(path.join("exercises", "shared-counter", "starter.ts"), "utf8");
  expect(await submitCode(page, starter)).not.toBe("passed");
  await expect(page.getByTestId("trace-timeline")).toBeVisible();
  await expect(page.getByTestId("wait-for-graph")).toHaveCount(0);
  await expect(page.getByTestId("performance")).toHaveCount(0);
  await expect(page.getByTestId("editor")).toHaveAttribute("data-serial-lines", "");
});
