/**
 * The hot read paths run their statements straight through pg (`queryRows`); every value must come back as
 * Prisma's `$queryRaw` gives it — exact decimals, calendar dates, instants — whatever the process's time zone,
 * and parameters must mean the same instant and amount.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db/prisma";
import { queryPreparedRows, queryRows } from "@/lib/db/raw-rows";
import { OPPORTUNITY_COLUMNS, OPPORTUNITY_FROM } from "@/lib/opportunities/rows";
import { createOpp, createWorld, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let id: string;
const zone = process.env.TZ;

beforeAll(async () => {
  w = await createWorld("Raw rows");
  ({ id } = await createOpp(w, w.admin.token, {
    estimated_value: "123456789012.34",
    probability: "33.33",
    expected_close_date: "2027-01-01",
  }));
});

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const rowSql = () => Prisma.sql`SELECT ${OPPORTUNITY_COLUMNS} FROM ${OPPORTUNITY_FROM} WHERE o.id = ${id}::uuid`;

describe("queryRows", () => {
  for (const tz of ["UTC", "America/New_York", "Pacific/Kiritimati"]) {
    it(`reads a deal exactly as $queryRaw does, in ${tz}`, async () => {
      process.env.TZ = tz;
      const [raw] = await queryRows<Record<string, unknown>>(rowSql());
      const [prisma] = await db().$queryRaw<Record<string, unknown>[]>(rowSql());
      expect(raw).toEqual(prisma);
      expect(String(raw!.estimated_value)).toBe("123456789012.34");
      expect(Prisma.Decimal.isDecimal(raw!.probability)).toBe(true);
      expect((raw!.expected_close_date as Date).toISOString()).toBe("2027-01-01T00:00:00.000Z");
      expect(raw!.created_at).toBeInstanceOf(Date);
    });

    it(`sends instants and decimals as the same values Prisma does, in ${tz}`, async () => {
      process.env.TZ = tz;
      const at = new Date("2026-03-02T23:30:00.000Z");
      const amount = new Prisma.Decimal("0.10");
      const sql = Prisma.sql`SELECT ${at}::timestamptz AS at, ${at}::timestamptz::date AS day, ${amount}::numeric + 0.2 AS sum, now()::timestamp AS local`;
      const [raw] = await queryRows<{ at: Date; day: Date; sum: Prisma.Decimal; local: Date }>(sql);
      const [prisma] = await db().$queryRaw<(typeof raw)[]>(sql);
      expect(raw!.at.toISOString()).toBe(at.toISOString());
      expect(raw!.day).toEqual(prisma!.day);
      expect(raw!.sum.toString()).toBe("0.3");
      expect(Math.abs(raw!.local.getTime() - prisma!.local.getTime())).toBeLessThan(5_000);
    });
  }
});

describe("queryPreparedRows", () => {
  it("answers each call with its own values, past the five runs after which PostgreSQL may keep a generic plan", async () => {
    const sql = (owner: string, minimum: string) =>
      Prisma.sql`SELECT o.id, o.estimated_value FROM opportunities o
        WHERE o.tenant_id = ${w.tenantId}::uuid AND o.assigned_to = ${owner}::uuid AND o.estimated_value >= ${minimum}::numeric`;
    const other = await createOpp(w, w.rep.token, { estimated_value: "5.00" });
    // One at a time: the pool hands back the connection just released, so one connection runs them all.
    for (let run = 0; run < 12; run++) {
      const [owner, minimum] = run % 2 ? [w.rep.userId, "1.00"] : [w.admin.userId, "100.00"];
      const prepared = await queryPreparedRows<{ id: string; estimated_value: Prisma.Decimal }>(sql(owner, minimum));
      expect(prepared).toEqual(await queryRows(sql(owner, minimum)));
      expect(prepared.map((row) => row.id)).toEqual(run % 2 ? [other.id] : [id]);
    }
  });
});
