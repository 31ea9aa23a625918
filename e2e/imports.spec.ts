import { expect, test, type Page } from "@playwright/test";
import { inDays, signIn } from "./helpers";

/** Bringing a spreadsheet in: upload, fix the column mapping, read the dry run's errors, import with progress, open the deals. */

function csvOf(prefix: string): string {
  return (
    "Deal,Client,Amount,Close\r\n" +
    `${prefix} imported,Acme Corp,1500.00,${inDays(25)}\r\n` +
    `${prefix} bad money,Acme Corp,12.345,${inDays(25)}\r\n`
  );
}

async function uploadAndMap(page: Page, prefix: string) {
  await page
    .getByLabel("File (CSV UTF-8 or XLSX)")
    .setInputFiles({ name: "deals.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf(prefix)) });
  await page.getByLabel("Create clients the file names but we do not have yet").check();
  await page.getByRole("button", { name: "Check file" }).click();
  const summary = page.getByTestId("import-summary");
  // "Close" matches no field by name: every row misses its close date until it is mapped.
  await expect(summary).toHaveText("2 rows: 0 ready to import, 3 errors.");
  await expect(page.getByRole("cell", { name: "expected_close_date (no column)" }).first()).toBeVisible();

  await page.getByLabel("expected close date").selectOption("Close");
  await page.getByRole("button", { name: "Check again with these columns" }).click();
  await expect(summary).toHaveText("2 rows: 1 ready to import, 1 error.");
  const error = page.getByRole("row").filter({ hasText: "must have at most 2 decimal places" });
  await expect(error).toContainText("3");
  await expect(error).toContainText("Amount");
}

async function commitAndOpen(page: Page, prefix: string) {
  await page.getByRole("button", { name: "Import 1 deal" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("1 deal imported.");
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  await page.getByRole("link", { name: "See the imported deals" }).click();
  await expect(page).toHaveURL(/\/opportunities/);
  // Phones show the list as cards and hide the table: the one visible link is the deal's.
  await expect(page.getByRole("link", { name: `${prefix} imported` }).filter({ visible: true })).toBeVisible();
  await expect(page.getByText(`${prefix} bad money`)).toHaveCount(0);
}

test("a manager imports deals from the list: upload, map a column, read the errors, import, open them", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const prefix = `E2E Import ${Date.now()}`;
  await signIn(page, "admin@acme.demo");
  await page.goto("/opportunities");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import" })).toBeVisible();
  await uploadAndMap(page, prefix);
  await commitAndOpen(page, prefix);
});

test("the import works on a 390 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const prefix = `E2E Import phone ${Date.now()}`;
  await signIn(page, "admin@acme.demo");
  await page.goto("/imports");
  await uploadAndMap(page, prefix);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await commitAndOpen(page, prefix);
});
