import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { fixedClock } from "@/lib/clock";
import { takePipelineSnapshots } from "@/lib/analytics";
import { get } from "../helpers/api";
import { read, scriptMarch, type Script } from "./analytics-fixture";
import { createWorld, type OppWorld } from "./opportunities-helpers";

let w: OppWorld;
let script: Script;
/** The live summary taken at the end of each scripted day, for the managers and for the rep. */
const taken: Record<number, { manager: unknown; rep: unknown }> = {};
const summary = "/opportunities/pipeline/summary";
const march = "from=2026-03-01&to=2026-03-31";

beforeAll(async () => {
  w = await createWorld("Analytics");
  script = await scriptMarch(w, async (day) => {
    taken[day] = { manager: await read(summary, w.supervisor), rep: await read(summary, w.rep) };
  });
}, 120_000);

const zeroStage = { count: 0, total_value: "0.00", weighted_value: "0.00", average_probability: "0.00" };

describe("pipeline summary as of a day", () => {
  it("is the summary the day gave, field by field, for managers and for a rep", async () => {
    for (let day = 1; day <= 12; day += 1) {
      const asOf = `as_of=2026-03-${String(day).padStart(2, "0")}`;
      expect(await read(`${summary}?${asOf}`, w.supervisor), `manager, day ${day}`).toEqual(taken[day]!.manager);
      expect(await read(`${summary}?${asOf}`, w.rep), `rep, day ${day}`).toEqual(taken[day]!.rep);
    }
  });

  it("rebuilds 4 March by hand: d3 already at its new value, d6 not yet created", async () => {
    expect(await read(`${summary}?as_of=2026-03-04`, w.admin)).toEqual({
      base_currency: "USD",
      total_opportunities: 4,
      total_value: "4100.00",
      weighted_value: "680.00",
      by_stage: {
        LEAD: { count: 2, total_value: "2300.00", weighted_value: "230.00", average_probability: "10.00" },
        QUALIFIED: { count: 2, total_value: "1800.00", weighted_value: "450.00", average_probability: "25.00" },
        PROPOSAL: zeroStage,
        NEGOTIATION: zeroStage,
        CLOSED_WON: zeroStage,
        CLOSED_LOST: zeroStage,
      },
      win_rate: "0.00",
      average_deal_size: "1025.00",
      total_won: 0,
      total_lost: 0,
      active_opportunities: 4,
    });
  });

  it("gives zeros before the first deal", async () => {
    const before = await read(`${summary}?as_of=2026-02-28`, w.admin);
    expect(before).toMatchObject({
      total_opportunities: 0,
      total_value: "0.00",
      weighted_value: "0.00",
      win_rate: "0.00",
      active_opportunities: 0,
    });
    expect(Object.values(before.by_stage)).toEqual(Array(6).fill(zeroStage));
  });

  it("refuses a date that is not one", async () => {
    expect((await get(`${summary}?as_of=2026-02-30`, { token: w.admin.token })).status).toBe(422);
  });
});

describe("change log", () => {
  it("lists every change of a deal, with who and when, oldest first", async () => {
    const body = await read(`/opportunities/${script.deals.d2}/changes`, w.rep);
    const rows = body.items.map((c: { field: string; old_value: string | null; new_value: string | null; changed_at: string }) => [
      c.changed_at.slice(0, 10),
      c.field,
      c.old_value,
      c.new_value,
    ]);
    expect(rows).toEqual([
      ["2026-03-01", "stage", null, "LEAD"],
      ["2026-03-01", "value", null, "2000.00"],
      ["2026-03-01", "base_value", null, "2000.00"],
      ["2026-03-01", "probability", null, "10.00"],
      ["2026-03-01", "expected_close_date", null, "2026-03-20"],
      ["2026-03-01", "owner", null, w.rep.userId],
      ["2026-03-01", "currency", null, "USD"],
      ["2026-03-01", "deleted", null, "false"],
      ["2026-03-05", "stage", "LEAD", "QUALIFIED"],
      ["2026-03-05", "probability", "10.00", "25.00"],
      ["2026-03-08", "expected_close_date", "2026-03-20", "2026-04-15"],
      ["2026-03-12", "stage", "QUALIFIED", "CLOSED_LOST"],
      ["2026-03-12", "probability", "25.00", "0.00"],
    ]);
    expect(new Set(body.items.map((c: { changed_by: { id: string } }) => c.changed_by.id))).toEqual(new Set([w.rep.userId]));
    expect(body.items.at(-1).changed_at).toBe("2026-03-12T12:00:00.000Z");
  });

  it("names the admin who deleted a deal", async () => {
    await expectChange(script.deals.d6, "deleted", w.admin.userId);
  });

  it("is 404 for a deal the caller may not see", async () => {
    expect((await get(`/opportunities/${script.deals.d2}/changes`, { token: w.otherRep.token })).status).toBe(404);
    const other = await createWorld("Analytics other");
    expect((await get(`/opportunities/${script.deals.d2}/changes`, { token: other.admin.token })).status).toBe(404);
  });

  it("counts close-date slips on the deal: a push later counts, a pull earlier does not", async () => {
    expect((await read(`/opportunities/${script.deals.d4}`, w.admin)).close_date_pushes).toBe(0);
  });
});

async function expectChange(id: string, field: string, by: string) {
  // A deleted deal has no page, but its log stays for the rebuild: read it from the table.
  const { db } = await import("@/lib/db/prisma");
  const row = await db().opportunityChange.findFirst({ where: { opportunityId: id, field }, orderBy: { id: "desc" } });
  expect(row).toMatchObject({ oldValue: "false", newValue: "true", changedBy: by });
}

describe("loss reasons on the close", () => {
  it("closes lost with the reason's id and its label as the text", async () => {
    expect(await read(`/opportunities/${script.deals.d2}`, w.rep)).toMatchObject({
      stage: "CLOSED_LOST",
      loss_reason: "No budget",
      loss_reason_id: script.reasonId,
      close_date_pushes: 1,
    });
  });
});

describe("funnel", () => {
  it("per stage for managers: entered, moved on, conversion, win rate from the stage, days in stage", async () => {
    expect((await read(`/analytics/funnel?${march}`, w.supervisor)).stages).toEqual([
      stage("LEAD", 3, 2, "66.67", 1, 1, "50.00", "3.00", "3.00"),
      stage("QUALIFIED", 3, 2, "66.67", 2, 1, "66.67", "7.00", "5.67"),
      stage("PROPOSAL", 2, 2, "100.00", 1, 0, "100.00", "3.00", "3.00"),
      stage("NEGOTIATION", 1, 0, "0.00", 0, 0, "0.00", null, null),
    ]);
  });

  it("a rep's own deals only; a manager filtering by that rep gets the same", async () => {
    const expected = [
      stage("LEAD", 2, 2, "100.00", 1, 1, "50.00", "3.00", "3.00"),
      stage("QUALIFIED", 2, 1, "50.00", 1, 1, "50.00", "5.00", "5.00"),
      stage("PROPOSAL", 2, 2, "100.00", 1, 0, "100.00", "3.00", "3.00"),
      stage("NEGOTIATION", 1, 0, "0.00", 0, 0, "0.00", null, null),
    ];
    expect((await read(`/analytics/funnel?${march}`, w.rep)).stages).toEqual(expected);
    expect((await read(`/analytics/funnel?${march}&assigned_to=${w.rep.userId}`, w.admin)).stages).toEqual(expected);
  });

  it("counts only the entries of the window and moves up to its end", async () => {
    // 1–5 March: LEAD d1, d2 (both moved on by the 5th), QUALIFIED d3, d1, d2 (none left by the 5th), PROPOSAL d5.
    expect((await read(`/analytics/funnel?from=2026-03-01&to=2026-03-05`, w.admin)).stages).toEqual([
      stage("LEAD", 3, 2, "66.67", 0, 0, "0.00", "3.00", "3.00"),
      stage("QUALIFIED", 3, 0, "0.00", 0, 0, "0.00", null, null),
      stage("PROPOSAL", 1, 0, "0.00", 0, 0, "0.00", null, null),
      stage("NEGOTIATION", 0, 0, "0.00", 0, 0, "0.00", null, null),
    ]);
  });

  it("refuses a window that ends before it starts", async () => {
    expect((await get(`/analytics/funnel?from=2026-03-02&to=2026-03-01`, { token: w.admin.token })).status).toBe(422);
  });
});

function stage(
  name: string,
  entered: number,
  movedOn: number,
  conversion: string,
  won: number,
  lost: number,
  winRate: string,
  median: string | null,
  mean: string | null,
) {
  return {
    stage: name,
    entered,
    moved_on: movedOn,
    conversion_rate: conversion,
    won,
    lost,
    win_rate: winRate,
    median_days_in_stage: median,
    mean_days_in_stage: mean,
  };
}

describe("win-loss", () => {
  it("by rep: counts, base values, win rate, cycle and slips, biggest won value first; totals", async () => {
    const body = await read(`/analytics/win-loss?${march}&group_by=rep`, w.supervisor);
    expect(body.groups).toEqual([
      figures({ key: w.rep.userId, label: w.rep.name }, 1, 1, "1000.00", "2000.00", "50.00", "10.00", 1),
      figures({ key: w.otherRep.userId, label: w.otherRep.name }, 1, 0, "800.00", "0.00", "100.00", "7.00", 0),
    ]);
    expect(body.totals).toEqual(figures({}, 2, 1, "1800.00", "2000.00", "66.67", "9.00", 1));
    expect(body.base_currency).toBe("USD");
  });

  it("by loss reason (lost deals), by month and by client", async () => {
    const byReason = await read(`/analytics/win-loss?${march}&group_by=loss_reason`, w.admin);
    expect(byReason.groups).toEqual([figures({ key: script.reasonId, label: "No budget" }, 0, 1, "0.00", "2000.00", "0.00", "11.00", 1)]);
    const byMonth = await read(`/analytics/win-loss?${march}&group_by=month`, w.admin);
    expect(byMonth.groups).toEqual([figures({ key: "2026-03", label: "2026-03" }, 2, 1, "1800.00", "2000.00", "66.67", "9.00", 1)]);
    const byClient = await read(`/analytics/win-loss?${march}&group_by=client`, w.admin);
    expect(byClient.groups).toEqual([figures({ key: w.clientId, label: "Acme Corp" }, 2, 1, "1800.00", "2000.00", "66.67", "9.00", 1)]);
  });

  it("a rep sees only their own; a window without closes gives empty groups and zero totals", async () => {
    const mine = await read(`/analytics/win-loss?${march}&group_by=rep`, w.rep);
    expect(mine.groups.map((g: { key: string }) => g.key)).toEqual([w.rep.userId]);
    const none = await read(`/analytics/win-loss?from=2026-03-01&to=2026-03-08`, w.admin);
    expect(none.groups).toEqual([]);
    expect(none.totals).toEqual(figures({}, 0, 0, "0.00", "0.00", "0.00", null, 0));
  });
});

function figures(
  group: { key?: string; label?: string },
  won: number,
  lost: number,
  wonValue: string,
  lostValue: string,
  winRate: string,
  cycle: string | null,
  pushes: number,
) {
  return {
    ...group,
    won,
    lost,
    won_value: wonValue,
    lost_value: lostValue,
    win_rate: winRate,
    mean_cycle_days: cycle,
    close_date_pushes: pushes,
  };
}

describe("velocity", () => {
  it("open deals × mean won size × win rate ÷ mean cycle, exact", async () => {
    expect(await read(`/analytics/velocity?${march}`, w.admin)).toEqual({
      from: "2026-03-01",
      to: "2026-03-31",
      base_currency: "USD",
      open_deals: 2,
      mean_deal_size: "900.00",
      win_rate: "66.67",
      mean_cycle_days: "8.00",
      velocity: "150.00",
    });
  });

  it("a rep's own: 1 × 1000 × ½ ÷ 9 = 55.56", async () => {
    expect(await read(`/analytics/velocity?${march}`, w.rep)).toMatchObject({
      open_deals: 1,
      mean_deal_size: "1000.00",
      win_rate: "50.00",
      mean_cycle_days: "9.00",
      velocity: "55.56",
    });
  });
});

describe("waterfall", () => {
  it("4–31 March reconciles: start + created + pulled in − pushed out ± value − won − lost − deleted = end", async () => {
    expect(await read(`/analytics/waterfall?from=2026-03-04&to=2026-03-31`, w.admin)).toEqual({
      from: "2026-03-04",
      to: "2026-03-31",
      base_currency: "USD",
      start: { count: 3, value: "3500.00" },
      created: { count: 2, value: "1900.00" },
      pulled_in: { count: 1, value: "300.00" },
      pushed_out: { count: 0, value: "0.00" },
      value_changed: { count: 1, value: "300.00" },
      won: { count: 2, value: "1800.00" },
      lost: { count: 1, value: "2000.00" },
      deleted: { count: 1, value: "400.00" },
      end: { count: 2, value: "1800.00" },
    });
  });

  it("a window ending on the 20th: deals due later come in only when they close in it", async () => {
    const body = await read(`/analytics/waterfall?from=2026-03-06&to=2026-03-20`, w.admin);
    // At the start of the 6th only d2 (2000) is due by the 20th; it is lost. d1 and d3 were due later but won in the
    // window: they come in (pulled in) and go out (won). d6 is created and deleted; d4 and d5 stay due later.
    expect(body).toMatchObject({
      start: { count: 1, value: "2000.00" },
      created: { count: 1, value: "400.00" },
      pulled_in: { count: 2, value: "1800.00" },
      pushed_out: { count: 0, value: "0.00" },
      value_changed: { count: 0, value: "0.00" },
      won: { count: 2, value: "1800.00" },
      lost: { count: 1, value: "2000.00" },
      deleted: { count: 1, value: "400.00" },
      end: { count: 0, value: "0.00" },
    });
  });
});

describe("stays in stages (what the funnel reads)", () => {
  /** The stays of the tenant's deals as the change log gives them, in (changed_at, id) order: each left by the next change. */
  const fromLog = (tenantId: string) =>
    db().$queryRaw<unknown[]>(Prisma.sql`
    SELECT c.id AS change_id, c.opportunity_id, c.new_value AS stage, c.changed_at AS entered_at,
           lead(c.changed_at) OVER w AS left_at, lead(c.new_value) OVER w AS next_stage
    FROM opportunity_changes c WHERE c.tenant_id = ${tenantId}::uuid AND c.field = 'stage'
    WINDOW w AS (PARTITION BY c.opportunity_id ORDER BY c.changed_at, c.id) ORDER BY c.id`);
  const kept = (tenantId: string) =>
    db().$queryRaw<unknown[]>(Prisma.sql`
    SELECT change_id, opportunity_id, stage::text, entered_at, left_at, next_stage::text
    FROM opportunity_stage_spans WHERE tenant_id = ${tenantId}::uuid ORDER BY change_id`);

  it("are the change log's stage changes, each left by the next, after the scripted month", async () => {
    const expected = await fromLog(w.tenantId);
    expect(expected.length).toBeGreaterThan(6);
    expect(await kept(w.tenantId)).toEqual(expected);
  });

  it("versions of the deals' state fields are the states the change log gives, instant by instant", async () => {
    const versions = () =>
      db().$queryRaw<unknown[]>(Prisma.sql`
      SELECT opportunity_id, valid_from, valid_to, stage::text, base_value::text, probability::text, expected_close_date,
             assigned_to, is_deleted
      FROM opportunity_versions
      WHERE tenant_id = ${w.tenantId}::uuid AND (valid_to IS NULL OR valid_to > valid_from)
      ORDER BY opportunity_id, valid_from`);
    const kept = await versions();
    expect(kept.length).toBeGreaterThan(12);
    await db().$executeRaw`SELECT opportunity_versions_rebuild(id) FROM opportunities WHERE tenant_id = ${w.tenantId}::uuid`;
    expect(await versions()).toEqual(kept);
  });

  it("versions stay the change log's states when a write is dated before the deal's last one", async () => {
    const rolledBack = new Error("roll back");
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('onquota.now', '2026-03-02T08:00:00.000Z', true)`;
        await tx.$executeRaw`UPDATE opportunities SET base_value = base_value + 1 WHERE id = ${script.deals.d1}::uuid`;
        const versions = () => tx.$queryRaw<unknown[]>`
          SELECT valid_from, valid_to, stage::text, base_value::text FROM opportunity_versions
          WHERE opportunity_id = ${script.deals.d1}::uuid AND (valid_to IS NULL OR valid_to > valid_from) ORDER BY valid_from`;
        const kept = await versions();
        expect(kept).toContainEqual(expect.objectContaining({ valid_from: new Date("2026-03-02T08:00:00.000Z") }));
        await tx.$executeRaw`SELECT opportunity_versions_rebuild(${script.deals.d1}::uuid)`;
        expect(await versions()).toEqual(kept);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });

  it("stay right when a stage change is recorded with an earlier time than the deal's last one", async () => {
    const deal = script.deals.d1;
    await db().$executeRaw`
      INSERT INTO opportunity_changes (tenant_id, opportunity_id, field, old_value, new_value, changed_at)
      VALUES (${w.tenantId}::uuid, ${deal}::uuid, 'stage', 'LEAD', 'PROPOSAL', '2026-03-01T12:30:00Z')`;
    expect(await kept(w.tenantId)).toEqual(await fromLog(w.tenantId));
    await db()
      .$executeRaw`DELETE FROM opportunity_changes WHERE opportunity_id = ${deal}::uuid AND changed_at = '2026-03-01T12:30:00Z' AND new_value = 'PROPOSAL'`;
    await db().$executeRaw`SELECT opportunity_stage_spans_rebuild(${deal}::uuid)`;
  });
});

describe("kept days (snapshot-pipeline job)", () => {
  const after12March = fixedClock("2026-03-13T01:30:00.000Z");

  it("keeps each settled day once, from the first change, and the summary of a kept day is the one the day gave", async () => {
    expect(await takePipelineSnapshots(after12March, { tenantId: w.tenantId })).toEqual({ days: 12, tenants: 1 });
    expect(await takePipelineSnapshots(after12March, { tenantId: w.tenantId })).toEqual({ days: 0, tenants: 0 });
    const kept = await db().$queryRaw<{ stage: string; deals: number; total_value: string }[]>`
      SELECT stage::text, sum(deals)::int AS deals, sum(total_value)::text AS total_value FROM pipeline_snapshots
      WHERE tenant_id = ${w.tenantId}::uuid AND day = '2026-03-04' GROUP BY stage ORDER BY stage`;
    expect(kept).toEqual([
      { stage: "LEAD", deals: 2, total_value: "2300.00" },
      { stage: "QUALIFIED", deals: 2, total_value: "1800.00" },
    ]);
    for (let day = 1; day <= 12; day += 1) {
      const asOf = `as_of=2026-03-${String(day).padStart(2, "0")}`;
      expect(await read(`${summary}?${asOf}`, w.supervisor), `manager, day ${day}`).toEqual(taken[day]!.manager);
      expect(await read(`${summary}?${asOf}`, w.rep), `rep, day ${day}`).toEqual(taken[day]!.rep);
    }
  });

  it("does not keep a day that ended less than an hour ago", async () => {
    expect(await takePipelineSnapshots(fixedClock("2026-03-14T00:59:00.000Z"), { tenantId: w.tenantId })).toEqual({ days: 0, tenants: 0 });
    expect(await takePipelineSnapshots(fixedClock("2026-03-14T01:00:00.000Z"), { tenantId: w.tenantId })).toEqual({ days: 1, tenants: 1 });
  });
});
