import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbPool } from "@/lib/db/prisma";
import { setExchangeRates } from "@/lib/opportunities";
import { dispatch, get } from "../helpers/api";
import { createOpp, createWorld, dateIn, type OppWorld } from "./opportunities-helpers";

const csvOf = (text: string) => {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
};

const exportOf = async (token: string, query = "") => {
  const res = await get(`/opportunities/export${query}`, { token });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.headers.get("content-disposition")).toBe('attachment; filename="opportunities.csv"');
  return csvOf(res.text);
};

let w: OppWorld;
let euro: { id: string };
beforeAll(async () => {
  w = await createWorld("Export");
  await setExchangeRates(w.admin, [{ currency: "EUR", rate: "1.0855", effective_from: dateIn(-1) }]);
  euro = await createOpp(w, w.rep.token, {
    name: 'Fleet, "north" depot',
    estimated_value: "1234567890.12",
    currency: "EUR",
    probability: "33.33",
    description: "two lines\nof notes",
  });
  await createOpp(w, w.rep.token, { name: '=HYPERLINK("http://evil.test","click")', estimated_value: "0.10" });
  await createOpp(w, w.otherRep.token, { name: "Someone else's", estimated_value: "500.00", stage: "PROPOSAL" });
});

describe("export of opportunities", () => {
  it("gives the list's deals in the list's order with exact decimals, quoted text and escaped formulas", async () => {
    const rows = await exportOf(w.admin.token);
    const list = (await get("/opportunities?page_size=100", { token: w.admin.token })).body.items;
    expect(rows.map((row) => row.id)).toEqual(list.map((deal: { id: string }) => deal.id));
    expect(rows.find((row) => row.id === euro.id)).toMatchObject({
      name: 'Fleet, "north" depot',
      client: "Acme Corp",
      owner_email: w.rep.email,
      stage: "LEAD",
      estimated_value: "1234567890.12",
      currency: "EUR",
      probability: "33.33",
      base_value: "1340123444.73",
      base_weighted_value: "446663144.13",
      base_currency: "USD",
      expected_close_date: dateIn(30),
      actual_close_date: "",
      description: "two lines\nof notes",
    });
    expect(rows.map((row) => row.name)).toContain('\'=HYPERLINK("http://evil.test","click")');
  });

  it("starts the CSV with a byte-order mark, so spreadsheets read it as UTF-8", async () => {
    const response = await dispatch(
      new Request("http://localhost:3000/api/v1/opportunities/export", { headers: { authorization: `Bearer ${w.admin.token}` } }),
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("i")]);
  });

  it("applies the list's filters and the caller's scope", async () => {
    expect((await exportOf(w.rep.token)).map((row) => row.owner_email)).toEqual([w.rep.email, w.rep.email]);
    expect((await exportOf(w.admin.token, "?stage=PROPOSAL")).map((row) => row.name)).toEqual(["Someone else's"]);
    expect((await exportOf(w.admin.token, "?sort=estimated_value")).map((row) => row.estimated_value)).toEqual([
      "0.10",
      "500.00",
      "1234567890.12",
    ]);
    const refused = await get("/opportunities/export?format=pdf", { token: w.admin.token });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: "format" })]);
  });

  it("writes an XLSX workbook whose numbers are the exact amounts and whose text is never a formula", async () => {
    const response = await dispatch(
      new Request("http://localhost:3000/api/v1/opportunities/export?format=xlsx&sort=estimated_value", {
        headers: { authorization: `Bearer ${w.admin.token}` },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).getCell(column("estimated_value")).value).toBe(1234567890.12);
    expect(sheet.getRow(4).getCell(column("base_value")).value).toBe(1340123444.73);
    expect((sheet.getRow(4).getCell(column("expected_close_date")).value as Date).toISOString()).toBe(`${dateIn(30)}T00:00:00.000Z`);
    expect(sheet.getRow(2).getCell(column("name")).type).toBe(ExcelJS.ValueType.String);
  });

  it("streams thousands of deals in batches, and a download cut short (CSV or XLSX) gives its database connection back", async () => {
    const big = await createWorld("Export big");
    await db().$executeRaw`
      INSERT INTO opportunities (tenant_id, name, client_id, assigned_to, created_by, estimated_value, currency, base_rate, base_value,
                                 probability, expected_close_date, stage, board_position)
      SELECT ${big.tenantId}::uuid, 'Deal ' || g, ${big.clientId}::uuid, ${big.rep.userId}::uuid, ${big.rep.userId}::uuid,
             g + 0.5, 'USD', 1, g + 0.5, 10, current_date + 30, 'LEAD', g
      FROM generate_series(1, 4500) g`;
    const rows = await exportOf(big.admin.token, "?sort=estimated_value");
    expect(rows).toHaveLength(4500);
    expect(rows.at(-1)).toMatchObject({ name: "Deal 4500", estimated_value: "4500.50" });

    const poolSize = dbPool().options.max ?? 10;
    for (const format of ["csv", "xlsx"])
      for (let i = 0; i < poolSize + 2; i++) {
        const response = await dispatch(
          new Request(`http://localhost:3000/api/v1/opportunities/export?format=${format}`, {
            headers: { authorization: `Bearer ${big.admin.token}` },
          }),
        );
        const reader = response.body!.getReader();
        // An XLSX starts with its fixed parts: read on into the rows (a cursor left open is xlsx.unit.test.ts's case).
        for (let bytes = 0; bytes < (format === "xlsx" ? 64_000 : 1);) bytes += (await reader.read()).value!.byteLength;
        await reader.cancel();
      }
    const list = (await get("/opportunities?q=Deal%20450&page_size=100", { token: big.admin.token })).body;
    expect((await exportOf(big.admin.token, "?stage=LEAD&q=Deal%20450")).map((row) => row.name).sort()).toEqual(
      list.items.map((deal: { name: string }) => deal.name).sort(),
    );
    expect(list.total).toBe(2); // Deal 450 and Deal 4500
  });
});
