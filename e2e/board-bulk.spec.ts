import { expect, test, type Page } from "@playwright/test";
import { call, newCompany, type Company } from "./company";
import { inDays, openBoard, signIn } from "./helpers";

/** Many deals at once from the board: select cards (mouse, keyboard, touch-sized screen), move, undo, assign. */

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const column = (page: Page, stage: string) => page.getByTestId(`column-${stage}`);
const inColumn = (page: Page, stage: string, name: string) => column(page, stage).getByRole("link", { name, exact: true });

async function companyWithDeals(label: string, names: string[]): Promise<{ company: Company; ids: string[] }> {
  const company = await newCompany(BASE, label);
  const client = await call(BASE, "POST", "/api/v1/clients", { name: "Northwind" }, company.admin.token);
  const ids: string[] = [];
  for (const name of names) {
    const deal = { name, client_id: client.body.id, estimated_value: "1000.00", expected_close_date: inDays(30) };
    const created = await call(BASE, "POST", "/api/v1/opportunities", deal, company.admin.token);
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  return { company, ids };
}

test("a manager selects cards on the board, moves them at once, undoes it, then assigns one (1440 px)", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { company, ids } = await companyWithDeals("bulkboard", ["Alpha deal", "Beta deal", "Gamma deal"]);
  await signIn(page, company.admin.email);
  await openBoard(page);

  await page.getByRole("button", { name: "Select deals" }).click();
  await page.getByRole("checkbox", { name: "Select Alpha deal" }).click();
  await page.getByRole("checkbox", { name: "Select Beta deal" }).focus();
  await page.keyboard.press("Space");
  const bar = page.getByRole("toolbar", { name: "Selected deals" });
  await expect(bar).toContainText("2 deals selected");

  await bar.getByRole("combobox", { name: "Move to" }).selectOption({ label: "Proposal" });
  await bar.getByRole("button", { name: "Move" }).click();
  await expect(page.getByText("2 deals changed")).toBeVisible();
  await expect(inColumn(page, "PROPOSAL", "Alpha deal")).toBeVisible();
  await expect(inColumn(page, "PROPOSAL", "Beta deal")).toBeVisible();
  await expect(inColumn(page, "LEAD", "Gamma deal")).toBeVisible();
  const moved = await call(BASE, "GET", `/api/v1/opportunities/${ids[0]}`, undefined, company.admin.token);
  expect(moved.body.stage).toBe("PROPOSAL");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone")).toBeVisible();
  await expect(inColumn(page, "LEAD", "Alpha deal")).toBeVisible();
  await expect(inColumn(page, "LEAD", "Beta deal")).toBeVisible();

  await page.getByRole("checkbox", { name: "Select Gamma deal" }).click();
  await expect(bar).toContainText("1 deal selected");
  await bar.getByRole("combobox", { name: "Assign to" }).selectOption({ label: "Robin Rep" });
  await bar.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("1 deal changed")).toBeVisible();
  const assigned = await call(BASE, "GET", `/api/v1/opportunities/${ids[2]}`, undefined, company.admin.token);
  expect(assigned.body.assigned_to).toBe(company.rep.id);

  await page.getByRole("button", { name: "Done selecting" }).click();
  await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, colorScheme: "dark" });

  test("a rep selects with taps and moves their deals; the bar fits the screen", async ({ page }) => {
    const { company } = await companyWithDeals("bulkphone", []);
    const client = await call(BASE, "POST", "/api/v1/clients", { name: "Contoso" }, company.rep.token);
    for (const name of ["Phone one", "Phone two"]) {
      const deal = { name, client_id: client.body.id, estimated_value: "500.00", expected_close_date: inDays(20) };
      expect((await call(BASE, "POST", "/api/v1/opportunities", deal, company.rep.token)).status).toBe(201);
    }
    await signIn(page, company.rep.email);
    await openBoard(page);
    await page.getByRole("button", { name: "Select deals" }).tap();
    await page.getByRole("checkbox", { name: "Select Phone one" }).tap();
    await page.getByRole("checkbox", { name: "Select Phone two" }).tap();
    const bar = page.getByRole("toolbar", { name: "Selected deals" });
    await expect(bar).toContainText("2 deals selected");
    await expect(bar.getByRole("combobox", { name: "Assign to" })).toHaveCount(0);
    const box = await bar.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await bar.getByRole("combobox", { name: "Move to" }).selectOption({ label: "Qualified" });
    await bar.getByRole("button", { name: "Move" }).tap();
    await expect(page.getByText("2 deals changed")).toBeVisible();
    await expect(inColumn(page, "QUALIFIED", "Phone one")).toBeAttached();
    await expect(inColumn(page, "QUALIFIED", "Phone two")).toBeAttached();
  });
});
