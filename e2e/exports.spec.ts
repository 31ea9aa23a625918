import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { call, newCompany } from "./company";
import { inDays, signIn } from "./helpers";

/** The Export links download what the page shows: the dashboard's owner, the board's filters, the list's search, as CSV and XLSX. */

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

async function download(page: Page, link: string, by: "mouse" | "keyboard"): Promise<string> {
  const started = page.waitForEvent("download");
  const target = page.getByRole("group", { name: "Export these deals" }).getByRole("link", { name: link });
  if (by === "keyboard") {
    await target.focus();
    await page.keyboard.press("Enter");
  } else await target.click();
  const file = await (await started).path();
  return file;
}

/** The deal names of a CSV export (its second column, after the id), sorted. */
async function csvNames(path: string): Promise<string[]> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header!.split(",").slice(0, 2)).toEqual(["id", "name"]);
  return rows.map((row) => row.split(",")[1]!.replace(/^"|"$/g, "")).sort();
}

test("a manager exports the dashboard's owner and the board's owner and search as CSV with the mouse, the list's search as XLSX with the keyboard (1440 px)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const company = await newCompany(BASE, "exports");
  const client = await call(BASE, "POST", "/api/v1/clients", { name: "Fabrikam" }, company.admin.token);
  const deal = (name: string, owner: string, value: string) => ({
    name,
    client_id: client.body.id,
    estimated_value: value,
    expected_close_date: inDays(30),
    assigned_to: owner,
  });
  const me = await call(BASE, "GET", "/api/v1/me", undefined, company.admin.token);
  for (const body of [
    deal("Rep deal one", company.rep.id, "1200.50"),
    deal("Rep deal two", company.rep.id, "99.99"),
    deal("Admin deal", me.body.id, "5000.00"),
  ]) {
    expect((await call(BASE, "POST", "/api/v1/opportunities", body, company.admin.token)).status).toBe(201);
  }
  await signIn(page, company.admin.email, `/dashboard?owner=${company.rep.id}`);
  expect(await csvNames(await download(page, "Export CSV", "mouse"))).toEqual(["Rep deal one", "Rep deal two"]);

  await page.goto(`/pipeline?owner=${company.rep.id}&q=two`);
  expect(await csvNames(await download(page, "Export CSV", "mouse"))).toEqual(["Rep deal two"]);

  await page.goto("/opportunities?q=Rep%20deal");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download(page, "Export XLSX", "keyboard"));
  const sheet = workbook.worksheets[0]!;
  const names: string[] = [];
  sheet.eachRow((row, index) => {
    if (index > 1) names.push(String(row.getCell(2).value));
  });
  expect(names.sort()).toEqual(["Rep deal one", "Rep deal two"]);
});
