/**
 * Money in more than one currency, on the real database: per-deal conversion (half up, 2 decimals) then summed;
 * the rate of a day is the latest effective_from on or before it; closing freezes the rate; a rate change moves every
 * total by exactly the converted difference; refusals; rate files; the company's base currency.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, fixedClock, toIsoDate, utcDate } from "@/lib/clock";
import { Decimal } from "@/lib/money";
import { getExchangeRates, importExchangeRates, restateExchangeRates, setExchangeRates } from "@/lib/opportunities";
import { get, patch, post, put } from "../helpers/api";
import { createTestClient, createTestTenant, type TestTenant } from "../helpers/fixtures";

const today = utcDate(new Date());
const day = (offset: number) => toIsoDate(addDays(today, offset));
const round2 = (value: string, rate: string) => new Decimal(value).mul(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

let t: TestTenant;
let clientId: string;

async function deal(token: string, body: Record<string, unknown>) {
  const response = await post(
    "/opportunities",
    { name: "Deal", client_id: clientId, expected_close_date: day(30), estimated_value: "1000.00", ...body },
    { token },
  );
  expect(response.status, response.text).toBe(201);
  return response.body;
}

const summaryOf = async (token = t.admin.token) => (await get("/opportunities/pipeline/summary", { token })).body;
const boardOf = async (token = t.admin.token) => (await get("/opportunities/pipeline/board?limit=100", { token })).body;

beforeAll(async () => {
  t = await createTestTenant("Currency");
  clientId = (await createTestClient(t.tenantId, "Société Générale")).id;
});

describe("a deal in another currency", () => {
  it("is refused while its currency has no rate (422 naming it); a made-up code is refused too", async () => {
    const missing = await post(
      "/opportunities",
      { name: "No rate", client_id: clientId, expected_close_date: day(30), estimated_value: "10.00", currency: "JPY" },
      { token: t.rep.token },
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ field: "currency", message: expect.stringMatching(/^has no exchange rate to USD on /) }]);
    for (const currency of ["XXX", "NaN", "EURO", "US"]) {
      const response = await post(
        "/opportunities",
        { name: "Bad code", client_id: clientId, expected_close_date: day(30), estimated_value: "10.00", currency },
        { token: t.rep.token },
      );
      expect(response.status, currency).toBe(422);
      expect(response.body.errors[0].field).toBe("currency");
    }
  });

  it("converts each deal half up to the cent, and totals add the rounded amounts", async () => {
    const rates = await put(
      "/exchange-rates",
      { rates: [{ currency: "EUR", rate: "1.0855", effective_from: day(-30) }] },
      { token: t.admin.token },
    );
    expect(rates.status, rates.text).toBe(200);
    const values = ["10000.00", "0.05", "333.33", "0.10"];
    const created = [];
    for (const value of values) created.push(await deal(t.rep.token, { estimated_value: value, currency: "EUR", stage: "QUALIFIED" }));
    for (const [i, row] of created.entries()) {
      expect(row).toMatchObject({
        currency: "EUR",
        base_currency: "USD",
        base_value: round2(values[i]!, "1.0855").toFixed(2),
        fx_rate: null,
      });
      expect(row.base_weighted_value).toBe(round2(row.base_value, "0.25").toFixed(2));
    }
    // 10855.00 + 0.05 (0.054275 rounds down) + 361.83 (361.829715 rounds up) + 0.11 (0.10855 rounds up)
    expect(created.map((row) => row.base_value)).toEqual(["10855.00", "0.05", "361.83", "0.11"]);
    const qualified = (await boardOf()).stages.find((s: { stage: string }) => s.stage === "QUALIFIED");
    expect(qualified.total_value).toBe("11216.99");
    expect((await summaryOf()).by_stage.QUALIFIED.total_value).toBe("11216.99");
  });

  it("moves every total by exactly the converted difference when a rate changes; a closed deal keeps its rate", async () => {
    const won = await deal(t.rep.token, { estimated_value: "2000.00", currency: "EUR", stage: "NEGOTIATION" });
    const closing = await patch(`/opportunities/${won.id}/stage`, { stage: "CLOSED_WON" }, { token: t.rep.token });
    expect(closing.status, closing.text).toBe(200);
    expect(closing.body).toMatchObject({ fx_rate: "1.08550000", base_value: "2171.00" });

    const before = await summaryOf();
    const board = await boardOf();
    const openEur = board.stages
      .filter((s: { stage: string }) => !s.stage.startsWith("CLOSED"))
      .flatMap((s: { items: Array<{ currency: string; value: string; probability: string }> }) => s.items)
      .filter((card: { currency: string }) => card.currency === "EUR");
    expect(openEur.length).toBeGreaterThan(0);

    const changed = await put(
      "/exchange-rates",
      { rates: [{ currency: "EUR", rate: "1.1", effective_from: day(0) }] },
      { token: t.admin.token },
    );
    expect(changed.status).toBe(200);
    const after = await summaryOf();
    const difference = openEur.reduce(
      (sum: Decimal, card: { value: string }) => sum.add(round2(card.value, "1.1")).sub(round2(card.value, "1.0855")),
      new Decimal(0),
    );
    const weightedDifference = openEur.reduce(
      (sum: Decimal, card: { value: string; probability: string }) =>
        sum
          .add(round2(round2(card.value, "1.1").toFixed(2), new Decimal(card.probability).div(100).toString()))
          .sub(round2(round2(card.value, "1.0855").toFixed(2), new Decimal(card.probability).div(100).toString())),
      new Decimal(0),
    );
    expect(new Decimal(after.total_value).sub(before.total_value).toFixed(2)).toBe(difference.toFixed(2));
    expect(new Decimal(after.weighted_value).sub(before.weighted_value).toFixed(2)).toBe(weightedDifference.toFixed(2));
    expect(after.by_stage.CLOSED_WON).toEqual(before.by_stage.CLOSED_WON);
    const frozen = (await get(`/opportunities/${won.id}`, { token: t.rep.token })).body;
    expect(frozen).toMatchObject({ fx_rate: "1.08550000", base_value: "2171.00" });
  });

  it("uses the rate of the day: a rate entered for a later day takes effect on that day (the daily restatement)", async () => {
    const later = await createTestTenant("Currency later");
    const client = await createTestClient(later.tenantId, "Later Ltd");
    await setExchangeRates(later.admin, [
      { currency: "GBP", rate: "1.25", effective_from: day(-10) },
      { currency: "GBP", rate: "1.30", effective_from: day(5) },
    ]);
    const row = (
      await post(
        "/opportunities",
        { name: "Pounds", client_id: client.id, expected_close_date: day(60), estimated_value: "100.00", currency: "GBP" },
        { token: later.rep.token },
      )
    ).body;
    expect(row.base_value).toBe("125.00");
    expect((await getExchangeRates(later.admin)).current).toEqual([{ currency: "GBP", rate: "1.25000000", effective_from: day(-10) }]);
    expect((await getExchangeRates(later.admin, fixedClock(addDays(today, 5)))).current[0]?.rate).toBe("1.30000000");

    expect(await restateExchangeRates(fixedClock(addDays(today, 4)))).toMatchObject({ restated: expect.any(Number) });
    expect((await get(`/opportunities/${row.id}`, { token: later.rep.token })).body.base_value).toBe("125.00");
    await restateExchangeRates(fixedClock(addDays(today, 5)));
    expect((await get(`/opportunities/${row.id}`, { token: later.rep.token })).body.base_value).toBe("130.00");
    expect((await get("/opportunities/pipeline/summary", { token: later.admin.token })).body.total_value).toBe("130.00");
  });
});

describe("exchange rates", () => {
  it("admins set them; everyone reads them; another company never sees them", async () => {
    expect(
      (await put("/exchange-rates", { rates: [{ currency: "CHF", rate: "1.1", effective_from: day(0) }] }, { token: t.rep.token })).status,
    ).toBe(403);
    expect(
      (await put("/exchange-rates", { rates: [{ currency: "CHF", rate: "1.1", effective_from: day(0) }] }, { token: t.supervisor.token }))
        .status,
    ).toBe(403);
    const mine = await get("/exchange-rates", { token: t.rep.token });
    expect(mine.status).toBe(200);
    expect(mine.body.current.map((r: { currency: string }) => r.currency)).toContain("EUR");
    const other = await createTestTenant("Currency other");
    expect((await get("/exchange-rates", { token: other.admin.token })).body).toMatchObject({ current: [], history: [] });
  });

  it("refuses the base currency itself, a repeated day, zero, negative and too precise rates", async () => {
    const bodies = [
      [{ currency: "USD", rate: "1", effective_from: day(0) }],
      [
        { currency: "EUR", rate: "1.1", effective_from: day(0) },
        { currency: "EUR", rate: "1.2", effective_from: day(0) },
      ],
      [{ currency: "EUR", rate: "0", effective_from: day(0) }],
      [{ currency: "EUR", rate: "-1.1", effective_from: day(0) }],
      [{ currency: "EUR", rate: "1.123456789", effective_from: day(0) }],
      [{ currency: "XXX", rate: "1", effective_from: day(0) }],
    ];
    for (const rates of bodies) {
      const response = await put("/exchange-rates", { rates }, { token: t.admin.token });
      expect(response.status, JSON.stringify(rates)).toBe(422);
    }
  });

  it("loads a CSV or an ECB XML file, all rows or none", async () => {
    const fresh = await createTestTenant("Rate files");
    const csv = `currency,rate,effective_from\nEUR,1.08,${day(-1)}\nGBP,1.27,${day(-1)}\n`;
    const loaded = await post("/exchange-rates/import", undefined, {
      token: fresh.admin.token,
      rawBody: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(loaded.status, loaded.text).toBe(200);
    expect(loaded.body.current).toEqual([
      { currency: "EUR", rate: "1.08000000", effective_from: day(-1) },
      { currency: "GBP", rate: "1.27000000", effective_from: day(-1) },
    ]);

    const bad = `currency,rate,effective_from\nCHF,1.13,${day(0)}\nXXX,1,${day(0)}\nSEK,-2,${day(0)}\n`;
    const refused = await post("/exchange-rates/import", undefined, {
      token: fresh.admin.token,
      rawBody: bad,
      headers: { "content-type": "text/csv" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(["row 3.currency", "row 4.rate"]);
    expect((await getExchangeRates(fresh.admin)).history.map((r) => r.currency)).not.toContain("CHF");

    const ecb = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>
    <Cube time="${day(0)}">
      <Cube currency="USD" rate="1.0800"/>
      <Cube currency="JPY" rate="160.00"/>
      <Cube currency="GBP" rate="0.8500"/>
    </Cube>
  </Cube>
</gesmes:Envelope>`;
    const view = await importExchangeRates(fresh.admin, ecb, undefined);
    const today = view.history.filter((r) => r.effective_from === day(0));
    // 1 EUR = 1.08 USD; 1 JPY = 1.08 / 160 USD; 1 GBP = 1.08 / 0.85 USD (8 decimals, half up); USD is the base.
    expect(today).toEqual([
      { currency: "EUR", rate: "1.08000000", effective_from: day(0) },
      { currency: "GBP", rate: "1.27058824", effective_from: day(0) },
      { currency: "JPY", rate: "0.00675000", effective_from: day(0) },
    ]);
  });
});

describe("the company's base currency", () => {
  it("is chosen at registration, shown to everyone, and changes only while there are no deals", async () => {
    const registered = await post(
      "/auth/register",
      {
        company_name: "Euro Co",
        name: "Eva Admin",
        email: `eva.${Date.now()}@test.onquota`,
        password: "correct horse battery",
        base_currency: "eur",
      },
      { headers: { "x-forwarded-for": "10.200.0.1" } },
    );
    expect(registered.status, registered.text).toBe(201);
    const token = registered.body.access_token;
    expect((await get("/tenant", { token })).body).toMatchObject({ name: "Euro Co", base_currency: "EUR", has_deals: false });
    await put("/exchange-rates", { rates: [{ currency: "USD", rate: "0.92", effective_from: day(0) }] }, { token });
    const rebased = await put("/tenant", { base_currency: "CHF" }, { token });
    expect(rebased.status).toBe(200);
    expect(rebased.body.base_currency).toBe("CHF");
    expect((await get("/exchange-rates", { token })).body).toMatchObject({ base_currency: "CHF", history: [] });

    const refused = await put("/tenant", { base_currency: "EUR" }, { token: t.admin.token });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/only while the company has no deals/);
    expect((await put("/tenant", { name: "Renamed" }, { token: t.supervisor.token })).status).toBe(403);
    expect((await put("/tenant", { name: "Renamed" }, { token: t.admin.token })).body.name).toBe("Renamed");
  });
});
