import { dealsAtSql } from "@/lib/analytics";
import { Prisma, queryRows } from "@/lib/db";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { OPEN_STAGES } from "@/lib/opportunities";
import { chanceThreshold } from "./simulate";

/** Closed deals through a stage below which its historical rate is not trusted and the stage probability is used. */
export const MIN_CLOSED_FOR_HISTORY = 20;

export type StageWinRate = {
  stage: OpportunityStage;
  /** Percent, two decimals (display). */
  rate: string;
  /** The same chance as a threshold out of 2^32 (the simulation's). */
  threshold: number;
  source: "history" | "stage_probability";
  closed: number;
};

type Counted = { stage: OpportunityStage; closed: number; won: number };

type Closed = { total: number; stages: Counted[] };

const counted = (rows: { stage: OpportunityStage | null; closed: number; won: number }[]): Closed => ({
  total: rows.find((row) => row.stage === null)?.closed ?? 0,
  stages: rows.filter((row): row is Counted => row.stage !== null),
});

/**
 * Live: per open stage, the tenant's live closed deals that were ever in it, and how many of them were won. Each
 * closed deal's stages come as one row of bits (opportunity_stages_reached, kept from the stage history), grouped by
 * those bits first: a handful of groups, then each stage sums the groups holding its bit.
 */
async function closedThroughStageNow(tenantId: string): Promise<Closed> {
  return counted(
    await queryRows(Prisma.sql`
      WITH closed AS (
        SELECT coalesce(r.stages, 0) AS stages, count(*)::int AS closed, count(*) FILTER (WHERE o.stage = 'CLOSED_WON')::int AS won
        FROM opportunities o LEFT JOIN opportunity_stages_reached r ON r.opportunity_id = o.id
        WHERE o.tenant_id = ${tenantId}::uuid AND NOT o.is_deleted AND o.stage IN ('CLOSED_WON', 'CLOSED_LOST')
        GROUP BY 1
      )
      SELECT s.stage::text AS stage, sum(c.closed)::int AS closed, sum(c.won)::int AS won
      FROM closed c JOIN unnest(enum_range(NULL::opportunity_stage)) AS s(stage) ON c.stages & opportunity_stage_bit(s.stage) <> 0
      GROUP BY s.stage
      UNION ALL
      SELECT NULL, coalesce(sum(closed), 0)::int, coalesce(sum(won), 0)::int FROM closed`),
  );
}

/** The same as of an instant, with only what was known then: deals closed at that instant, history before it (the backtest). */
async function closedThroughStageAt(tenantId: string, asOf: Date): Promise<Closed> {
  // The closed deals are rebuilt from the change log once (MATERIALIZED), then probed by the history's rows.
  return counted(
    await queryRows(Prisma.sql`
      WITH closed AS MATERIALIZED (
        SELECT s.id, s.stage = 'CLOSED_WON' AS won FROM (${dealsAtSql(tenantId, asOf)}) AS s
        WHERE NOT s.is_deleted AND s.stage IN ('CLOSED_WON', 'CLOSED_LOST')
      )
      SELECT h.to_stage::text AS stage, count(DISTINCT h.opportunity_id)::int AS closed,
             count(DISTINCT h.opportunity_id) FILTER (WHERE c.won)::int AS won
      FROM opportunity_stage_history h JOIN closed c ON c.id = h.opportunity_id
      WHERE h.tenant_id = ${tenantId}::uuid AND h.to_stage NOT IN ('CLOSED_WON', 'CLOSED_LOST') AND h.changed_at < ${asOf}::timestamptz
      GROUP BY h.to_stage
      UNION ALL
      SELECT NULL, count(*)::int, count(*) FILTER (WHERE won)::int FROM closed`),
  );
}

/** Hundredths of a percent "37.50" → 3750, exactly. */
const hundredths = (percent: string) => {
  const [whole = "0", fraction = ""] = percent.split(".");
  return BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
};

const percentText = (numerator: bigint, denominator: bigint) => {
  // round half up to two decimals: (n × 10000 × 2 + d) ÷ (2d)
  const basisPoints = (numerator * 20000n + denominator) / (2n * denominator);
  return `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, "0")}`;
};

/**
 * The chance that a deal now in each open stage is won: its historical rate with 20 or more closed deals through
 * the stage, else the stage's probability (`stageProbabilities`, percent text per stage: read while the history is).
 */
export async function stageWinRates(
  tenantId: string,
  stageProbabilities: Promise<Record<string, string>>,
  asOf?: Date,
): Promise<{ closedDeals: number; rates: StageWinRate[] }> {
  const [{ total, stages }, probabilities] = await Promise.all([
    asOf ? closedThroughStageAt(tenantId, asOf) : closedThroughStageNow(tenantId),
    stageProbabilities,
  ]);
  const byStage = new Map(stages.map((row) => [row.stage, row]));
  return {
    closedDeals: total,
    rates: OPEN_STAGES.map((stage) => {
      const row = byStage.get(stage);
      if (row && row.closed >= MIN_CLOSED_FOR_HISTORY)
        return {
          stage,
          rate: percentText(BigInt(row.won), BigInt(row.closed)),
          threshold: chanceThreshold(BigInt(row.won), BigInt(row.closed)),
          source: "history",
          closed: row.closed,
        };
      const probability = hundredths(probabilities[stage] ?? "0");
      return {
        stage,
        rate: percentText(probability, 10_000n),
        threshold: chanceThreshold(probability, 10_000n),
        source: "stage_probability",
        closed: row?.closed ?? 0,
      };
    }),
  };
}
