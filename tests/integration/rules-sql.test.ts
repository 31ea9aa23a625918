/**
 * Every rule that SQL needs too has a TypeScript function and an SQL twin beside it; here both answer the same
 * generated inputs, evaluated by the real PostgreSQL over VALUES rows aliased as the twins expect.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, toIsoDate } from "@/lib/clock";
import { Prisma } from "@/lib/db/prisma";
import { queryRows } from "@/lib/db/raw-rows";
import { clipTitle, clipTitleSql } from "@/lib/notifications";
import { daysOverdue, daysOverdueSql, isOverdue, overdueSql, STAGES, baseWeightedCentsSql, weightedValue } from "@/lib/opportunities";
import { isQuoteExpired, isQuoteExpiringSoon } from "@/lib/quotes/rules";
import { expiredQuoteSql, expiringQuoteSql } from "@/lib/quotes/rules-sql";
import { maintenanceState } from "@/lib/vehicles/rules";
import { maintenanceDueSql, maintenanceOverdueSql } from "@/lib/vehicles/rules-sql";

const TODAY = "2026-06-15";
const day = fc.integer({ min: -40, max: 40 }).map((offset) => toIsoDate(addDays(new Date(`${TODAY}T00:00:00.000Z`), offset)));
const cents = (max: bigint) => fc.bigInt({ min: 1n, max }).map((c) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`);
const runs = { numRuns: 20 };

/** `columns` rows as a VALUES list aliased `alias(names)`, with each row's index as `i`. */
function valuesOf(alias: string, names: string[], types: string[], rows: unknown[][]): Prisma.Sql {
  const tuples = rows.map(
    (row, i) => Prisma.sql`(${i}::int, ${Prisma.join(row.map((value, c) => Prisma.sql`${value}::${Prisma.raw(types[c]!)}`))})`,
  );
  return Prisma.sql`(VALUES ${Prisma.join(tuples)}) AS ${Prisma.raw(alias)}(i, ${Prisma.raw(names.join(", "))})`;
}

describe("opportunity rules and their SQL twins", () => {
  it("weighted value: round half up of value × probability / 100, to the cent", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cents(99_999_999_999_999n), cents(10_000n)), { minLength: 1, maxLength: 50 }), async (pairs) => {
        const rows = await queryRows<{ i: number; weighted: string }>(
          Prisma.sql`SELECT o.i, (${baseWeightedCentsSql} / 100)::numeric(16, 2)::text AS weighted
            FROM ${valuesOf("o", ["base_value", "probability"], ["numeric", "numeric"], pairs)} ORDER BY o.i`,
        );
        expect(rows.map((row) => row.weighted)).toEqual(pairs.map(([value, probability]) => weightedValue(value, probability).toFixed(2)));
      }),
      runs,
    );
  });

  it("overdue and days overdue as of a day", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...STAGES), day), { minLength: 1, maxLength: 50 }), async (deals) => {
        const rows = await queryRows<{ i: number; overdue: boolean; days: number }>(
          Prisma.sql`SELECT o.i, ${overdueSql(TODAY)} AS overdue, ${daysOverdueSql(TODAY)} AS days
            FROM ${valuesOf("o", ["stage", "expected_close_date"], ["opportunity_stage", "date"], deals)} ORDER BY o.i`,
        );
        expect(rows.map((row) => row.overdue)).toEqual(deals.map(([stage, date]) => isOverdue(stage, date, TODAY)));
        expect(rows.map((row) => row.days)).toEqual(deals.map(([, date]) => daysOverdue(date, TODAY)));
      }),
      runs,
    );
  });
});

describe("quote rules and their SQL twins", () => {
  it("expired: still SENT after valid_until; expiring soon: SENT and valid for at most 7 more days", async () => {
    const statuses = ["DRAFT", "SENT", "ACCEPTED", "REJECTED", "EXPIRED"] as const;
    const soon = toIsoDate(addDays(new Date(`${TODAY}T00:00:00.000Z`), 7));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...statuses), day), { minLength: 1, maxLength: 50 }), async (quotes) => {
        const rows = await queryRows<{ i: number; expired: boolean; expiring: boolean }>(
          Prisma.sql`SELECT q.i, ${expiredQuoteSql(TODAY)} AS expired, ${expiringQuoteSql(TODAY, soon)} AS expiring
            FROM ${valuesOf("q", ["status", "valid_until"], ["quote_status", "date"], quotes)} ORDER BY q.i`,
        );
        const quote = ([status, validUntil]: (typeof quotes)[number]) => ({ status, valid_until: validUntil });
        expect(rows.map((row) => row.expired)).toEqual(quotes.map((q) => isQuoteExpired(quote(q), TODAY)));
        expect(rows.map((row) => row.expiring)).toEqual(quotes.map((q) => isQuoteExpiringSoon(quote(q), TODAY, soon)));
      }),
      runs,
    );
  });
});

describe("vehicle rules and their SQL twins", () => {
  it("maintenance due within 7 days, and overdue", async () => {
    const soon = toIsoDate(addDays(new Date(`${TODAY}T00:00:00.000Z`), 7));
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 1, maxLength: 50 }), async (dates) => {
        const rows = await queryRows<{ i: number; due: boolean; overdue: boolean }>(
          Prisma.sql`SELECT v.i, ${maintenanceDueSql(soon)} AS due, ${maintenanceOverdueSql(TODAY)} AS overdue
            FROM ${valuesOf(
              "v",
              ["next_maintenance_date"],
              ["date"],
              dates.map((d) => [d]),
            )} ORDER BY v.i`,
        );
        const states = dates.map((date) => maintenanceState(date, TODAY, soon));
        expect(rows.map((row) => row.due)).toEqual(states.map((state) => state !== null));
        expect(rows.map((row) => row.overdue)).toEqual(states.map((state) => state === "overdue"));
      }),
      runs,
    );
  });
});

describe("notification rules and their SQL twins", () => {
  it("titles are clipped to 200 characters, counting characters (not UTF-16 units) alike", async () => {
    const text = fc.oneof(fc.string({ maxLength: 260 }), fc.string({ unit: "binary", maxLength: 260 }), fc.constant("😀".repeat(201)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          text.map((t) => t.replace(/\u0000/g, "")),
          { minLength: 1, maxLength: 20 },
        ),
        async (titles) => {
          const rows = await queryRows<{ i: number; title: string }>(
            Prisma.sql`SELECT t.i, ${clipTitleSql(Prisma.sql`t.text`)} AS title FROM ${valuesOf(
              "t",
              ["text"],
              ["text"],
              titles.map((t) => [t]),
            )} ORDER BY t.i`,
          );
          expect(rows.map((row) => row.title)).toEqual(titles.map(clipTitle));
        },
      ),
      runs,
    );
  });
});
