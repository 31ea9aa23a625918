import { type Scope } from "@/lib/scope";
import { db, Prisma, queryRows, type Tx } from "@/lib/db";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { toMoney } from "@/lib/money";
import { DEFAULT_FORECAST } from "./forecast-category";
import { defaultProbability, isClosedStage, OPEN_STAGES } from "./rules";
import type { ForecastCategory, PutStageSettingsInput, StageSettingsOut } from "./stage-settings-schemas";

/** The admin's settings of the open stages; a stage without a row has the guide's defaults and no stale threshold. */

/** Won deals an auto threshold needs before it turns on. */
export const AUTO_STALE_MIN_WON = 10;

type SettingRow = {
  stage: OpportunityStage;
  defaultProbability: Prisma.Decimal;
  forecastCategory: string;
  staleAfterDays: number | null;
  staleAuto: boolean;
  autoStaleDays: number | null;
};

/**
 * The probability a deal takes when it enters `stage` without an explicit one: the admin's default for an open
 * stage, else the guide's (closed stages: 100 won, 0 lost). Every create and stage move asks here.
 */
export async function stageProbability(scope: Scope, stage: OpportunityStage, tx?: Tx): Promise<string> {
  if (isClosedStage(stage)) return defaultProbability(stage);
  const row = await (tx ?? db()).pipelineStageSetting.findUnique({
    where: { tenantId_stage: { tenantId: scope.tenantId, stage } },
    select: { defaultProbability: true },
  });
  return row ? row.defaultProbability.toFixed(2) : defaultProbability(stage);
}

export async function getStageSettings(scope: Scope): Promise<StageSettingsOut> {
  const [rows, wonDeals] = await Promise.all([
    db().pipelineStageSetting.findMany({ where: { tenantId: scope.tenantId } }),
    countWonDeals(scope.tenantId),
  ]);
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return {
    won_deals: wonDeals,
    stages: OPEN_STAGES.map((stage) => {
      const row = byStage.get(stage);
      if (!row)
        return {
          stage,
          default_probability: defaultProbability(stage),
          forecast_category: DEFAULT_FORECAST[stage]!,
          stale_after_days: null,
          effective_stale_after_days: null,
        };
      return {
        stage,
        default_probability: toMoney(row.defaultProbability),
        forecast_category: row.forecastCategory as ForecastCategory,
        stale_after_days: row.staleAuto ? "auto" : row.staleAfterDays,
        effective_stale_after_days: effectiveThreshold(row),
      };
    }),
  };
}

const effectiveThreshold = (row: Pick<SettingRow, "staleAuto" | "staleAfterDays" | "autoStaleDays">) =>
  row.staleAuto ? row.autoStaleDays : row.staleAfterDays;

/** Changes the named stages (fields left out keep their value) and recomputes the auto thresholds. Admins only. */
export async function putStageSettings(scope: Scope, input: PutStageSettingsInput): Promise<StageSettingsOut> {
  await db().$transaction(async (tx) => {
    for (const change of input.stages) {
      const stage = change.stage as OpportunityStage;
      const fields = {
        defaultProbability: change.default_probability,
        forecastCategory: change.forecast_category,
        ...(change.stale_after_days === undefined
          ? {}
          : change.stale_after_days === "auto"
            ? { staleAuto: true, staleAfterDays: null }
            : { staleAuto: false, staleAfterDays: change.stale_after_days }),
      };
      await tx.pipelineStageSetting.upsert({
        where: { tenantId_stage: { tenantId: scope.tenantId, stage } },
        create: {
          tenantId: scope.tenantId,
          stage,
          defaultProbability: change.default_probability ?? defaultProbability(stage),
          forecastCategory: change.forecast_category ?? DEFAULT_FORECAST[stage]!,
          staleAfterDays: fields.staleAfterDays ?? null,
          staleAuto: fields.staleAuto ?? false,
        },
        update: fields,
      });
    }
  });
  await refreshAutoStaleDays(scope.tenantId);
  return getStageSettings(scope);
}

function countWonDeals(tenantId: string): Promise<number> {
  return db().opportunity.count({ where: { tenantId, stage: "CLOSED_WON", isDeleted: false } });
}

/**
 * The 75th percentile of the days the tenant's won deals spent in each stage (a deal's visits to one stage added
 * up), from stage history; nothing when the tenant has fewer than 10 won deals. Whole days, rounded up.
 */
export async function autoStaleDays(tenantId: string): Promise<Map<OpportunityStage, number>> {
  const rows = await queryRows<{ stage: OpportunityStage; days: number }>(Prisma.sql`
    WITH won AS (
      SELECT o.id FROM opportunities o WHERE o.tenant_id = ${tenantId}::uuid AND o.stage = 'CLOSED_WON' AND o.is_deleted = false
    ), spans AS (
      SELECT h.opportunity_id, h.to_stage,
             extract(epoch FROM lead(h.changed_at) OVER (PARTITION BY h.opportunity_id ORDER BY h.changed_at, h.id) - h.changed_at) / 86400 AS days
      FROM opportunity_stage_history h JOIN won ON won.id = h.opportunity_id
    ), per_deal AS (
      SELECT opportunity_id, to_stage, sum(days) AS days FROM spans WHERE days IS NOT NULL GROUP BY opportunity_id, to_stage
    )
    SELECT to_stage::text AS stage, ceil(percentile_cont(0.75) WITHIN GROUP (ORDER BY days))::int AS days
    FROM per_deal
    WHERE (SELECT count(*) FROM won) >= ${AUTO_STALE_MIN_WON}
    GROUP BY to_stage`);
  return new Map(rows.filter((row) => !isClosedStage(row.stage)).map((row) => [row.stage, row.days]));
}

/** Stores each auto stage's current auto threshold (null: not enough won deals), for one tenant or all. */
export async function refreshAutoStaleDays(tenantId?: string): Promise<void> {
  const tenants = tenantId
    ? [tenantId]
    : (await db().pipelineStageSetting.findMany({ where: { staleAuto: true }, distinct: ["tenantId"], select: { tenantId: true } })).map(
        (row) => row.tenantId,
      );
  for (const tenant of tenants) {
    const days = await autoStaleDays(tenant);
    const autoRows = await db().pipelineStageSetting.findMany({ where: { tenantId: tenant, staleAuto: true }, select: { stage: true } });
    for (const { stage } of autoRows)
      await db().pipelineStageSetting.update({
        where: { tenantId_stage: { tenantId: tenant, stage } },
        data: { autoStaleDays: days.get(stage) ?? null },
      });
  }
}
