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
export const forecastCategorySql = Prisma.sql`(CASE WHEN ${openStageSql} THEN coalesce(o.forecast_category, ss.forecast_category, ${stageDefaultSql}) END)`;
