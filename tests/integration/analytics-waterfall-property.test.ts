import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { read } from "./analytics-fixture";
import { createWorld, type OppWorld } from "./opportunities-helpers";

/**
 * The waterfall reconciles on random histories: start + created + pulled in − pushed out + value changed − won −
 * lost − deleted = end (counts and values), and start and end are the pipeline due by `to` that a plain replay of
 * the history gives at the two instants.
 */

type Op =
  | { day: number; kind: "value"; cents: number }
  | { day: number; kind: "close"; on: number }
  | { day: number; kind: "stage" | "won" | "lost" | "delete" };
type Deal = { day: number; cents: number; closeOn: number; ops: Op[] };

const OPEN = ["LEAD", "QUALIFIED", "PROPOSAL", "NEGOTIATION"];
const day = (d: number) => `2026-04-${String(d).padStart(2, "0")}`;
const cents = fc.integer({ min: 1, max: 500_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ day: fc.integer({ min: 1, max: 28 }), kind: fc.constant("value" as const), cents }),
  fc.record({ day: fc.integer({ min: 1, max: 28 }), kind: fc.constant("close" as const), on: fc.integer({ min: 1, max: 30 }) }),
  fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    kind: fc.constantFrom("stage" as const, "won" as const, "lost" as const, "delete" as const),
  }),
);
const deal: fc.Arbitrary<Deal> = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  cents,
  closeOn: fc.integer({ min: 1, max: 30 }),
  ops: fc.array(op, { maxLength: 4 }),
});
const window = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 10 }))
  .map(([from, span]) => ({ from, to: Math.min(from + span, 30) }));

/** A deal's ops in time order, from its creation on, up to its close or deletion (later ones would be refused). */
function timeline(d: Deal): Op[] {
  const kept: Op[] = [];
  for (const o of [...d.ops].filter((o) => o.day >= d.day).sort((a, b) => a.day - b.day)) {
    kept.push(o);
    if (o.kind === "won" || o.kind === "lost" || o.kind === "delete") break;
  }
  return kept;
}

type State = { stage: string; cents: number; closeOn: number; deleted: boolean };

/** The deal as of the start of day `until` (ops of earlier days applied), or null before its creation. */
function replay(d: Deal, until: number): State | null {
  if (d.day >= until) return null;
  const s: State = { stage: "LEAD", cents: d.cents, closeOn: d.closeOn, deleted: false };
  for (const o of timeline(d)) {
    if (o.day >= until) break;
    if (o.kind === "value") s.cents = o.cents;
    else if (o.kind === "close") s.closeOn = o.on;
    else if (o.kind === "stage") s.stage = OPEN[(OPEN.indexOf(s.stage) + 1) % OPEN.length]!;
    else if (o.kind === "won") s.stage = "CLOSED_WON";
    else if (o.kind === "lost") s.stage = "CLOSED_LOST";
    else s.deleted = true;
  }
  return s;
}

function pipelineAt(deals: Deal[], until: number, to: number) {
  let count = 0;
  let total = 0;
  for (const d of deals) {
    const s = replay(d, until);
    if (s && !s.deleted && OPEN.includes(s.stage) && s.closeOn <= to) {
      count += 1;
      total += s.cents;
    }
  }
  return { count, value: (total / 100).toFixed(2) };
}

let w: OppWorld;
beforeAll(async () => {
  w = await createWorld("Waterfall property");
});

/** Writes the history straight to the table, each change dated by onquota.now (the change-log trigger reads it). */
async function write(deals: Deal[]) {
  await db().$executeRaw`DELETE FROM opportunities WHERE tenant_id = ${w.tenantId}::uuid`;
  for (const [i, d] of deals.entries()) {
    const at = (dayOf: number, n: number) => `${day(dayOf)}T10:00:${String(n).padStart(2, "0")}.000Z`;
    const value = (d.cents / 100).toFixed(2);
    const [, inserted] = await db().$transaction([
      db().$queryRaw`SELECT set_config('onquota.now', ${at(d.day, 0)}, true)`,
      db().$queryRaw<Array<{ id: string }>>`
        INSERT INTO opportunities (tenant_id, name, client_id, assigned_to, created_by, estimated_value, currency, base_value, probability,
                                   expected_close_date, stage, created_at)
        VALUES (${w.tenantId}::uuid, ${`Deal ${i}`}, ${w.clientId}::uuid, ${w.rep.userId}::uuid, ${w.rep.userId}::uuid, ${value}::numeric,
                'USD', ${value}::numeric, 10, ${day(d.closeOn)}::date, 'LEAD', ${at(d.day, 0)}::timestamptz)
        RETURNING id`,
    ]);
    const id = inserted[0]!.id;
    for (const [n, o] of timeline(d).entries()) {
      const set =
        o.kind === "value"
          ? db()
              .$executeRaw`UPDATE opportunities SET estimated_value = ${(o.cents / 100).toFixed(2)}::numeric, base_value = ${(o.cents / 100).toFixed(2)}::numeric WHERE id = ${id}::uuid`
          : o.kind === "close"
            ? db().$executeRaw`UPDATE opportunities SET expected_close_date = ${day(o.on)}::date WHERE id = ${id}::uuid`
            : o.kind === "stage"
              ? db()
                  .$executeRaw`UPDATE opportunities SET stage = (CASE stage WHEN 'LEAD' THEN 'QUALIFIED' WHEN 'QUALIFIED' THEN 'PROPOSAL' WHEN 'PROPOSAL' THEN 'NEGOTIATION' ELSE 'LEAD' END)::opportunity_stage WHERE id = ${id}::uuid`
              : o.kind === "delete"
                ? db()
                    .$executeRaw`UPDATE opportunities SET is_deleted = true, deleted_at = ${at(o.day, n + 1)}::timestamptz WHERE id = ${id}::uuid`
                : db()
                    .$executeRaw`UPDATE opportunities SET stage = ${o.kind === "won" ? "CLOSED_WON" : "CLOSED_LOST"}::opportunity_stage, actual_close_date = ${day(o.day)}::date WHERE id = ${id}::uuid`;
      await db().$transaction([db().$queryRaw`SELECT set_config('onquota.now', ${at(o.day, n + 1)}, true)`, set]);
    }
  }
}

const money = (text: string) => Math.round(Number(text) * 100);

describe("waterfall on random histories", () => {
  it("reconciles, and starts and ends where a replay of the history says", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deal, { minLength: 1, maxLength: 8 }), window, async (deals, { from, to }) => {
        await write(deals);
        const body = await read(`/analytics/waterfall?from=${day(from)}&to=${day(to)}`, w.admin);
        expect(body.start).toEqual(pipelineAt(deals, from, to));
        expect(body.end).toEqual(pipelineAt(deals, to + 1, to));
        const { start, created, pulled_in, pushed_out, value_changed, won, lost, deleted, end } = body;
        expect(start.count + created.count + pulled_in.count - pushed_out.count - won.count - lost.count - deleted.count).toBe(end.count);
        expect(
          money(start.value) +
            money(created.value) +
            money(pulled_in.value) -
            money(pushed_out.value) +
            money(value_changed.value) -
            money(won.value) -
            money(lost.value) -
            money(deleted.value),
        ).toBe(money(end.value));
      }),
      { numRuns: 40, seed: 20261207 },
    );
  }, 300_000);
});
