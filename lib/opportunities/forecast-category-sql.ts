import { Prisma } from "@/lib/db";
import { DEFAULT_FORECAST } from "./forecast-category";
import { openStageSql } from "./rules-sql";

const stageDefaultSql = Prisma.raw(
  `CASE o.stage::text ${Object.entries(DEFAULT_FORECAST)
    .map(([stage, category]) => `WHEN '${stage}' THEN '${category}'`)
    .join(" ")} ELSE 'PIPELINE' END`,
);

/**
 * `forecastCategoryOf` in SQL, over a deal `o` joined to its stage's settings `ss` (STAGE_SETTINGS_JOIN): the
 * category set on the deal, else the stage's, else the guide's; NULL for a closed deal.
 */
/** The same category for a deal `o` read without the settings join (a filter of the list): one lookup per deal. */
export function forecastCategoryIsSql(category: string): Prisma.Sql {
  return Prisma.sql`(${openStageSql} AND coalesce(o.forecast_category,
    (SELECT s.forecast_category FROM pipeline_stage_settings s WHERE s.tenant_id = o.tenant_id AND s.stage = o.stage), ${stageDefaultSql}) = ${category})`;
}

export const forecastCategorySql = Prisma.sql`(CASE WHEN ${openStageSql} THEN coalesce(o.forecast_category, ss.forecast_category, ${stageDefaultSql}) END)`;
