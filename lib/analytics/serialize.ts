import { Decimal, toMoney } from "@/lib/money";
import type { ChangeRow } from "./changes";
import type { FunnelRow } from "./funnel";
import type { FunnelOut, OpportunityChangesOut, VelocityOut, WaterfallOut, WinLossOut, WindowQuery, WinLossQuery } from "./schemas";
import type { VelocityRow } from "./velocity";
import type { WaterfallRow } from "./waterfall";
import type { WinLossFigures, WinLossRow } from "./win-loss";

/** part / whole × 100 with two decimals, "0.00" when whole is 0. */
export function percentOf(part: number, whole: number): string {
  return whole === 0 ? "0.00" : toMoney(new Decimal(part).mul(100).div(whole));
}

const days = (value: string | null) => (value === null ? null : toMoney(value));

export function serializeChanges(rows: ChangeRow[]): OpportunityChangesOut {
  return {
    items: rows.map((row) => ({
      id: row.id,
      field: row.field,
      old_value: row.old_value,
      new_value: row.new_value,
      changed_by: row.changed_by_id ? { id: row.changed_by_id, name: row.changed_by_name! } : null,
      changed_at: row.changed_at.toISOString(),
    })),
  };
}

export function serializeFunnel(query: WindowQuery, rows: FunnelRow[]): FunnelOut {
  return {
    from: query.from,
    to: query.to,
    stages: rows.map((row) => ({
      stage: row.stage,
      entered: row.entered,
      moved_on: row.moved_on,
      conversion_rate: percentOf(row.moved_on, row.entered),
      won: row.won,
      lost: row.lost,
      win_rate: percentOf(row.won, row.won + row.lost),
      median_days_in_stage: days(row.median_days),
      mean_days_in_stage: days(row.mean_days),
    })),
  };
}

function winLossFigures(row: WinLossFigures) {
  return {
    won: row.won,
    lost: row.lost,
    won_value: toMoney(row.won_value),
    lost_value: toMoney(row.lost_value),
    win_rate: percentOf(row.won, row.won + row.lost),
    mean_cycle_days: days(row.mean_cycle_days),
    close_date_pushes: row.close_date_pushes,
  };
}

export function serializeWinLoss(
  query: WinLossQuery,
  baseCurrency: string,
  result: { groups: WinLossRow[]; totals: WinLossFigures },
): WinLossOut {
  return {
    from: query.from,
    to: query.to,
    group_by: query.group_by,
    base_currency: baseCurrency,
    groups: result.groups.map((row) => ({ key: row.key, label: row.label, ...winLossFigures(row) })),
    totals: winLossFigures(result.totals),
  };
}

export function serializeVelocity(query: WindowQuery, baseCurrency: string, row: VelocityRow): VelocityOut {
  return {
    from: query.from,
    to: query.to,
    base_currency: baseCurrency,
    open_deals: row.open_deals,
    mean_deal_size: toMoney(row.mean_deal_size),
    win_rate: percentOf(row.won, row.won + row.lost),
    mean_cycle_days: days(row.mean_cycle_days),
    velocity: toMoney(row.velocity),
  };
}

export function serializeWaterfall(query: WindowQuery, baseCurrency: string, row: WaterfallRow): WaterfallOut {
  const step = (name: "start" | "end" | "created" | "pulled_in" | "pushed_out" | "value_changed" | "won" | "lost" | "deleted") => ({
    count: row[`${name}_count`],
    value: toMoney(row[`${name}_value`]),
  });
  return {
    from: query.from,
    to: query.to,
    base_currency: baseCurrency,
    start: step("start"),
    created: step("created"),
    pulled_in: step("pulled_in"),
    pushed_out: step("pushed_out"),
    value_changed: step("value_changed"),
    won: step("won"),
    lost: step("lost"),
    deleted: step("deleted"),
    end: step("end"),
  };
}
