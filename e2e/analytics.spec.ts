import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ARTIFACTS, signIn } from "./helpers";

const REPORTS = ["Funnel", "Pipeline waterfall", "Lost deals by reason", "Rep leaderboard"];

for (const { name, width, height } of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the dashboard's reports render with their tables on a ${name}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, "supervisor@acme.demo", "/dashboard");
    await page.goto("/dashboard?period=quarter");
    await expect(page.getByRole("combobox", { name: "Period" })).toHaveValue("quarter");
    for (const title of REPORTS) {
      const figure = page.getByRole("figure", { name: title });
      await expect(figure).toBeVisible();
      await expect(figure.getByRole("table", { name: title })).toBeVisible();
    }
    // The demo's lost deals name reasons from the company's list (other tests close deals with free text only).
    const reasons = page.getByRole("figure", { name: "Lost deals by reason" }).getByRole("rowheader");
    await expect(reasons.first()).toBeVisible();
    expect((await reasons.allTextContents()).filter((reason) => reason !== "No reason from the list").length).toBeGreaterThan(0);
    await expect(page.getByTestId("velocity").getByText("Sales velocity")).toBeVisible();
    // Nothing but the tables' own regions scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${ARTIFACTS}/analytics-${name}.png`, fullPage: true });
  });
}

test("a report downloads as CSV with exact decimals", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "supervisor@acme.demo", "/dashboard");
  await page.goto("/dashboard?period=quarter");
  const figure = page.getByRole("figure", { name: "Rep leaderboard" });
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("link", { name: /Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^win-loss-by-rep-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const [head, ...rows] = text.trim().split("\r\n");
  expect(head).toBe("rep,won,won_value,lost,lost_value,win_rate,mean_cycle_days,close_date_pushes");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatch(/^[^,]+,\d+,\d+\.\d{2},\d+,\d+\.\d{2},\d+\.\d{2},(\d+\.\d{2})?,\d+$/);
});

test("the period picker applies a custom window", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "supervisor@acme.demo", "/dashboard");
  await page.getByRole("combobox", { name: "Period" }).selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=custom&from=2020-01-01&to=2020-01-31/);
  await expect(page.getByText("Custom: Jan 1, 2020 to Jan 31, 2020 (UTC).", { exact: false })).toBeVisible();
  const lead = page.getByRole("figure", { name: "Funnel" }).getByRole("row", { name: /^Lead/ });
  await expect(lead.getByRole("cell").first()).toHaveText("0");
});
