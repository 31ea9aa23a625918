import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ARTIFACTS, bearer, inDays, signIn, tokenFor } from "./helpers";

const thisMonth = () => new Date().toISOString().slice(0, 7);

async function expectAccessible(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).exclude("nextjs-portal").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
  expect(serious, state).toEqual([]);
}

test("a manager sets a target by keyboard and the forecast compares won deals with it", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "supervisor@acme.demo", "/settings/targets");
  const cell = page.getByRole("textbox", { name: `Riley Rep, ${thisMonth()}` });
  await cell.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("50000");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Targets saved.");
  await expect(page.getByRole("textbox", { name: `Riley Rep, ${thisMonth()}` })).toHaveValue("50000.00");

  await page.goto("/forecast");
  await expect(page.getByTestId("forecast-chart")).toBeVisible();
  const byPeriod = page.getByRole("table", { name: "By period" });
  await expect(byPeriod.getByRole("row", { name: new RegExp(`^${thisMonth()}`) })).toContainText("$50,000.00");
  const riley = page.getByRole("table", { name: `${thisMonth()} by rep` }).getByRole("row", { name: /^Riley Rep/ });
  await expect(riley).toContainText("$50,000.00");
  await expect(page.getByTestId("forecast-method")).toContainText("10,000 simulated outcomes");
  await expectAccessible(page, "forecast, light, 1440 px");
  await page.screenshot({ path: `${ARTIFACTS}/forecast-desktop.png`, fullPage: true });

  // The won amount opens the deals behind it: won deals closed in that month.
  await byPeriod
    .getByRole("row", { name: new RegExp(`^${thisMonth()}`) })
    .getByRole("link")
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`stage=CLOSED_WON.*close_from=${thisMonth()}-01|close_from=${thisMonth()}-01.*stage=CLOSED_WON`));
  await expect(page.getByRole("heading", { name: "Opportunities" })).toBeVisible();
});

test("the forecast downloads as CSV with exact decimals", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "supervisor@acme.demo", "/forecast");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^forecast-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  const [head, ...rows] = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  expect(head).toBe("period,from,to,rep_id,rep,target,closed_won,commit,best_case,pipeline,weighted,attainment,gap,p10,p50,p90,open_deals");
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatch(/,\d+\.\d{2},\d+\.\d{2},\d+\.\d{2},\d+$/);
});

test("a rep sees their own forecast on a 390 px phone in dark mode, without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, "riley@acme.demo", "/forecast");
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  await expect(page.getByRole("heading", { name: "Forecast" })).toBeVisible();
  const reps = page.getByRole("table", { name: `${thisMonth()} by rep` }).getByRole("rowheader");
  for (const name of await reps.allTextContents()) expect(name).toBe("Riley Rep");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page, "forecast, dark, 390 px");
  await page.screenshot({ path: `${ARTIFACTS}/forecast-phone-dark.png`, fullPage: true });
});

test("quarters by keyboard: the form is usable without a mouse", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, "admin@acme.demo", "/forecast");
  await page.getByRole("combobox", { name: "By" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("combobox", { name: "By" })).toHaveValue("quarter");
  await page.getByRole("button", { name: "Show" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/period=quarter/);
  await expect(page.getByRole("table", { name: "By period" }).getByRole("rowheader").first()).toHaveText(/^\d{4}-Q[1-4]$/);
});

test("a deal's forecast category is set on its page and shown in the list", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const riley = await tokenFor(request, "riley@acme.demo");
  const clients = await request.get("/api/v1/clients?page_size=1", { headers: bearer(riley) });
  const clientId = ((await clients.json()) as { items: { id: string }[] }).items[0]!.id;
  const name = `Forecast category ${Date.now()}`;
  const created = await request.post("/api/v1/opportunities", {
    headers: bearer(riley),
    data: { name, client_id: clientId, estimated_value: "900.00", expected_close_date: inDays(20) },
  });
  expect(created.status()).toBe(201);
  const deal = (await created.json()) as { id: string };
  await signIn(page, "riley@acme.demo", "/opportunities");
  await page.goto(`/opportunities/${deal.id}`);
  await expect(page.getByTestId("detail-forecast")).toBeVisible();
  const select = page.getByRole("combobox", { name: "Forecast category" });
  await expect(select).toHaveValue("");
  await select.selectOption("COMMIT");
  await page.getByTestId("detail-forecast").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("forecast-now")).toContainText("Commit (set by hand)");
  await page.goto(`/opportunities?stage=LEAD&forecast_category=COMMIT&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("table").getByText("Commit")).toBeVisible();
});
