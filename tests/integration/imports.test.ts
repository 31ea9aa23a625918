/**
 * Imports on the real database: the dry run (CSV and XLSX, BOM, quoted newlines, formulas, wrong encoding, errors by
 * row and column, nothing written), the commit (all valid rows in one transaction or nothing, with stage history),
 * the size limit while streaming, who may see and commit an import, and export → import round trip.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, toIsoDate, utcDate } from "@/lib/clock";
import { db } from "@/lib/db/prisma";
import { get, post, put } from "../helpers/api";
import { createTestClient, createTestTenant, type TestTenant } from "../helpers/fixtures";
import { send, upload, xlsxOf } from "../helpers/imports";

const day = (offset: number) => toIsoDate(addDays(utcDate(new Date()), offset));
const dealCount = (tenantId: string) => db().opportunity.count({ where: { tenantId } });

let t: TestTenant;

beforeAll(async () => {
  t = await createTestTenant("Imports");
  await createTestClient(t.tenantId, "Globex");
  await createTestClient(t.tenantId, "Initech");
});

describe("an opportunities CSV", () => {
  it("is checked row by row with the API's rules, writes nothing, then commits the valid rows with their history", async () => {
    const csv =
      "\uFEFFName,CLIENT,Owner_Email,Stage,Estimated Value,currency,probability,expected_close_date,description\r\n" +
      `Big deal,globex,${t.rep.email},Proposal,1234.50,USD,,${day(30)},"two\nlines, and ""quotes"""\r\n` +
      `"'=HYPERLINK(""http://evil.test"";""x"")",Initech,,LEAD,10.00,,,${day(10)},\r\n` +
      `Bad money,Globex,,LEAD,12.345,USD,,${day(10)},\r\n` +
      `No rate,Globex,,LEAD,10.00,JPY,,${day(10)},\r\n` +
      `Fake code,Globex,,LEAD,10.00,XXX,,${day(10)},\r\n` +
      `Past,Globex,,LEAD,10.00,USD,,${day(-1)},\r\n` +
      `Closed,Globex,,CLOSED_WON,10.00,USD,,${day(10)},\r\n` +
      `Stranger,Globex,nobody@else.test,LEAD,10.00,USD,,${day(10)},\r\n` +
      `Unknown client,Umbrella,,LEAD,10.00,USD,,${day(10)},\r\n`;
    const before = await dealCount(t.tenantId);
    const dry = await upload(csv, { token: t.admin.token });
    expect(dry.status, dry.text).toBe(201);
    expect(dry.body).toMatchObject({ status: "READY", entity: "opportunities", total_rows: 9, valid_rows: 2, error_count: 7 });
    expect(dry.body.mapping).toMatchObject({
      name: "Name",
      client: "CLIENT",
      owner_email: "Owner_Email",
      estimated_value: "Estimated Value",
    });
    const errors = dry.body.errors.map((e: { row: number; column: string | null; field: string }) => `${e.row} ${e.column}`);
    expect(errors).toEqual([
      "4 Estimated Value",
      "5 currency",
      "6 currency",
      "7 expected_close_date",
      "8 Stage",
      "9 Owner_Email",
      "10 CLIENT",
    ]);
    expect(dry.body.errors[0].message).toBe("must have at most 2 decimal places");
    expect(dry.body.errors[1].message).toMatch(/^has no exchange rate to USD/);
    expect(await dealCount(t.tenantId), "a dry run writes nothing").toBe(before);

    const committed = await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.admin.token });
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body).toMatchObject({ status: "COMMITTED", committed_count: 2, processed_rows: 2 });
    expect(await dealCount(t.tenantId)).toBe(before + 2);
    const deals = await db().opportunity.findMany({
      where: { tenantId: t.tenantId },
      include: { history: true, client: true },
      orderBy: { name: "asc" },
    });
    const big = deals.find((d) => d.name === "Big deal")!;
    expect(big).toMatchObject({ stage: "PROPOSAL", currency: "USD", description: 'two\nlines, and "quotes"', assignedTo: t.rep.userId });
    expect(big.client.name).toBe("Globex");
    expect(big.estimatedValue.toFixed(2)).toBe("1234.50");
    expect(big.probability.toFixed(2)).toBe("50.00");
    expect(big.history).toMatchObject([{ fromStage: null, toStage: "PROPOSAL", changedBy: t.admin.userId }]);
    const formula = deals.find((d) => d.name.startsWith("=HYPERLINK"))!;
    expect(formula.name, "stored as text, the export's escape undone").toBe('=HYPERLINK("http://evil.test";"x")');
    expect(formula.assignedTo, "no owner: the importer").toBe(t.admin.userId);

    const again = await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.admin.token });
    expect(again.status).toBe(409);
    expect(await dealCount(t.tenantId)).toBe(before + 2);
  });

  it("creates the clients it names when asked", async () => {
    const csv = `name,client,estimated_value,expected_close_date\nNew logo,Umbrella Corp,99.99,${day(5)}\nSecond,umbrella corp,1.00,${day(5)}\n`;
    const dry = await upload(csv, { token: t.supervisor.token, createClients: true });
    expect(dry.body).toMatchObject({ valid_rows: 2, error_count: 0 });
    const committed = await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.supervisor.token });
    expect(committed.status, committed.text).toBe(200);
    expect(await db().client.count({ where: { tenantId: t.tenantId, name: { equals: "Umbrella Corp", mode: "insensitive" } } })).toBe(1);
  });

  it("refuses a file that is not UTF-8, clearly", async () => {
    const latin1 = Buffer.from(`name,client,estimated_value,expected_close_date\nCaf\xe9,Globex,1.00,${day(5)}\n`, "latin1");
    const response = await upload(new Uint8Array(latin1), { token: t.admin.token, fileName: "deals.csv" });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: "file", message: expect.stringMatching(/is not UTF-8 text/) }]);
  });

  it("reports unmapped required fields on every row and takes a mapping", async () => {
    const csv = `Deal,Account,Amount,When\nMapped,Globex,5.00,${day(3)}\n`;
    const auto = await upload(csv, { token: t.admin.token });
    expect(auto.body.mapping).toMatchObject({ name: "Deal", client: "Account", estimated_value: "Amount", expected_close_date: null });
    expect(auto.body.errors).toEqual([{ row: 2, field: "expected_close_date", column: null, message: "must be a date YYYY-MM-DD" }]);
    const mapped = await upload(csv, { token: t.admin.token, mapping: { expected_close_date: "when" } });
    expect(mapped.body).toMatchObject({ valid_rows: 1, error_count: 0 });
    const wrong = await upload(csv, { token: t.admin.token, mapping: { nope: "Deal", name: "Missing" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(["mapping", "mapping"]);
  });
});

describe("an opportunities XLSX", () => {
  it("reads numbers, dates and formula results from the first sheet", async () => {
    const close = new Date(`${day(40)}T00:00:00.000Z`);
    const file = await xlsxOf([
      ["name", "client", "estimated_value", "currency", "expected_close_date", "probability"],
      ["Sheet deal", "Globex", 2500.5, "USD", close, { formula: "10*2", result: 20 }],
      [{ formula: 'HYPERLINK("http://evil.test","click")', result: "click" }, "Initech", 1, "USD", close, null],
    ]);
    const dry = await upload(file, { token: t.admin.token });
    expect(dry.status, dry.text).toBe(201);
    expect(dry.body).toMatchObject({ total_rows: 2, valid_rows: 2, error_count: 0 });
    const committed = await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.admin.token });
    expect(committed.status, committed.text).toBe(200);
    const deal = await db().opportunity.findFirstOrThrow({ where: { tenantId: t.tenantId, name: "Sheet deal" } });
    expect(deal.estimatedValue.toFixed(2)).toBe("2500.50");
    expect(deal.probability.toFixed(2)).toBe("20.00");
    expect(toIsoDate(deal.expectedCloseDate)).toBe(day(40));
    expect(await db().opportunity.count({ where: { tenantId: t.tenantId, name: "click" } })).toBe(1);
  });

  it("refuses a file that is not a workbook", async () => {
    const response = await upload(new TextEncoder().encode("not a zip"), { token: t.admin.token, fileName: "deals.xlsx" });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ field: "file", message: "is not a readable XLSX workbook" });
  });
});

describe("the commit", () => {
  it("writes nothing when a row no longer passes, and the import says why", async () => {
    const tenant = await createTestTenant("Import rollback");
    await createTestClient(tenant.tenantId, "Acme");
    const csv =
      `name,client,owner_email,estimated_value,expected_close_date\n` +
      `First,Acme,${tenant.rep.email},1.00,${day(5)}\nSecond,Acme,${tenant.otherRep.email},2.00,${day(5)}\n`;
    const dry = await upload(csv, { token: tenant.admin.token });
    expect(dry.body.valid_rows).toBe(2);
    await db().user.update({ where: { id: tenant.otherRep.userId }, data: { isActive: false } });
    const refused = await post(`/imports/${dry.body.id}/commit`, undefined, { token: tenant.admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^Row 3 no longer passes its checks \(owner_email/);
    expect(await dealCount(tenant.tenantId)).toBe(0);
    expect((await get(`/imports/${dry.body.id}`, { token: tenant.admin.token })).body).toMatchObject({
      status: "FAILED",
      processed_rows: 0,
    });

    await db().user.update({ where: { id: tenant.otherRep.userId }, data: { isActive: true } });
    const retried = await post(`/imports/${dry.body.id}/commit`, undefined, { token: tenant.admin.token });
    expect(retried.status, retried.text).toBe(200);
    expect(await dealCount(tenant.tenantId)).toBe(2);
  });

  it("a commit whose server died is shown as failed after five silent minutes and can be committed again", async () => {
    const tenant = await createTestTenant("Import crash");
    await createTestClient(tenant.tenantId, "Acme");
    const csv = `name,client,estimated_value,expected_close_date\nFirst,Acme,1.00,${day(5)}\n`;
    const dry = await upload(csv, { token: tenant.admin.token });
    // What a process killed mid-commit leaves: COMMITTING, nothing written (its transaction rolled back).
    const crashedAt = (minutesAgo: number) =>
      db().import.update({
        where: { id: dry.body.id },
        data: { status: "COMMITTING", processedRows: 0, updatedAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
    await crashedAt(4);
    const running = await post(`/imports/${dry.body.id}/commit`, undefined, { token: tenant.admin.token });
    expect(running.status).toBe(409);
    expect((await get(`/imports/${dry.body.id}`, { token: tenant.admin.token })).body.status).toBe("COMMITTING");

    await crashedAt(6);
    const shown = await get(`/imports/${dry.body.id}`, { token: tenant.admin.token });
    expect(shown.body).toMatchObject({ status: "FAILED", failure: expect.stringMatching(/^The commit was interrupted/) });
    expect(await dealCount(tenant.tenantId)).toBe(0);

    await crashedAt(6);
    const committed = await post(`/imports/${dry.body.id}/commit`, undefined, { token: tenant.admin.token });
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body).toMatchObject({ status: "COMMITTED", committed_count: 1 });
    expect(await dealCount(tenant.tenantId)).toBe(1);
  });

  it("refuses an import with no valid row", async () => {
    const dry = await upload(`name,client,estimated_value,expected_close_date\nX,Nobody,1.00,${day(5)}\n`, { token: t.admin.token });
    const response = await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.admin.token });
    expect(response.status).toBe(409);
  });
});

describe("who may import", () => {
  it("lets a rep import deals for themselves only, and keeps imports to their owner, managers and tenant", async () => {
    const csv = `name,client,owner_email,estimated_value,expected_close_date\nMine,Globex,,1.00,${day(5)}\nTheirs,Globex,${t.otherRep.email},1.00,${day(5)}\n`;
    const dry = await upload(csv, { token: t.rep.token });
    expect(dry.body).toMatchObject({ valid_rows: 1, error_count: 1 });
    expect(dry.body.errors[0]).toMatchObject({
      row: 3,
      field: "owner_email",
      message: "sales reps can only import deals assigned to themselves",
    });
    expect((await get(`/imports/${dry.body.id}`, { token: t.otherRep.token })).status).toBe(404);
    expect((await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.otherRep.token })).status).toBe(404);
    expect((await get(`/imports/${dry.body.id}`, { token: t.supervisor.token })).status).toBe(200);
    const other = await createTestTenant("Other importer");
    expect((await get(`/imports/${dry.body.id}`, { token: other.admin.token })).status).toBe(404);
    expect((await post(`/imports/${dry.body.id}/commit`, undefined, { token: other.admin.token })).status).toBe(404);
    expect((await upload(csv, {})).status).toBe(401);
  });
});

describe("the upload's size", () => {
  const big = 20 * 1024 * 1024 + 1;

  it("is refused with 413 as declared", async () => {
    const response = await upload("x".repeat(big), { token: t.admin.token });
    expect(response.status).toBe(413);
  });

  it("is refused with 413 while a chunked body streams in, before it is all read", async () => {
    const chunk = new TextEncoder().encode(`${"Name,Client\n".padEnd(64 * 1024, "x")}\n`);
    let sent = 0;
    const head =
      '--b\r\nContent-Disposition: form-data; name="entity"\r\n\r\nopportunities\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n';
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
      },
      pull(controller) {
        sent += chunk.length;
        // Far more than the limit is on offer; the server must stop reading long before.
        if (sent > 200 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await send(
      new Request("http://localhost:3000/api/v1/imports", {
        method: "POST",
        headers: { authorization: `Bearer ${t.admin.token}`, "content-type": "multipart/form-data; boundary=b" },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(30 * 1024 * 1024);
  });
});

describe("clients", () => {
  it("imports clients with the API's rules, matched by name", async () => {
    const csv = "Name,Email,Phone,Company\nHooli,buy@hooli.test,+1 555,Hooli Inc\nglobex,,,\nBad mail,not-an-email,,\n";
    const dry = await upload(csv, { token: t.rep.token, entity: "clients" });
    expect(dry.body).toMatchObject({ entity: "clients", valid_rows: 1, error_count: 2 });
    expect(dry.body.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual(["3 Name", "4 Email"]);
    const committed = await post(`/imports/${dry.body.id}/commit`, undefined, { token: t.rep.token });
    expect(committed.status, committed.text).toBe(200);
    expect(await db().client.findFirst({ where: { tenantId: t.tenantId, name: "Hooli" } })).toMatchObject({ email: "buy@hooli.test" });
  });
});

describe("export → import round trip", () => {
  it("gives a fresh company the same deals", async () => {
    const source = await createTestTenant("Round trip from");
    const acme = await createTestClient(source.tenantId, 'Acme, "Inc"');
    await put("/exchange-rates", { rates: [{ currency: "EUR", rate: "1.1", effective_from: day(-1) }] }, { token: source.admin.token });
    const bodies = [
      {
        name: "=SUM(A1:A2)",
        client_id: acme.id,
        estimated_value: "1234567890.12",
        currency: "EUR",
        expected_close_date: day(20),
        stage: "PROPOSAL",
      },
      {
        name: "Multi\nline",
        description: 'a, b\n"c"',
        client_id: acme.id,
        estimated_value: "0.01",
        probability: "33.33",
        expected_close_date: day(9),
      },
      { name: "Plain", client_id: acme.id, estimated_value: "500.00", expected_close_date: day(60), stage: "NEGOTIATION" },
    ];
    for (const body of bodies) expect((await post("/opportunities", body, { token: source.admin.token })).status).toBe(201);
    const exported = await get("/opportunities/export?format=csv", { token: source.admin.token });
    expect(exported.status).toBe(200);

    const target = await createTestTenant("Round trip to");
    await put("/exchange-rates", { rates: [{ currency: "EUR", rate: "1.1", effective_from: day(-1) }] }, { token: target.admin.token });
    const dry = await upload(exported.text, { token: target.admin.token, createClients: true, mapping: { owner_email: null } });
    expect(dry.body, dry.text).toMatchObject({ total_rows: 3, valid_rows: 3, error_count: 0 });
    expect((await post(`/imports/${dry.body.id}/commit`, undefined, { token: target.admin.token })).status).toBe(200);

    const shape = async (tenantId: string) =>
      (await db().opportunity.findMany({ where: { tenantId }, include: { client: true }, orderBy: { name: "asc" } })).map((d) => ({
        name: d.name,
        description: d.description,
        client: d.client.name,
        stage: d.stage,
        value: d.estimatedValue.toFixed(2),
        currency: d.currency,
        probability: d.probability.toFixed(2),
        close: toIsoDate(d.expectedCloseDate),
        base: d.baseValue.toFixed(2),
      }));
    expect(await shape(target.tenantId)).toEqual(await shape(source.tenantId));
  });
});
