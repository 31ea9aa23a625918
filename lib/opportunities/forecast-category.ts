import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { isClosedStage } from "./rules";
import type { ForecastCategory } from "./stage-settings-schemas";

/** The guide's forecast category of each open stage (an admin may change it in the stage settings). */
export const DEFAULT_FORECAST: Record<string, ForecastCategory> = {
  LEAD: "PIPELINE",
  QUALIFIED: "PIPELINE",
  PROPOSAL: "BEST_CASE",
  NEGOTIATION: "COMMIT",
};

/**
 * A deal's forecast category: the one set on the deal by hand, else its stage's setting, else the guide's default.
 * A closed deal has none (it is won or lost, not forecast).
 */
export function forecastCategoryOf(
  stage: OpportunityStage,
  setOnDeal: ForecastCategory | null,
  stageSetting: ForecastCategory | null,
): ForecastCategory | null {
  if (isClosedStage(stage)) return null;
  return setOnDeal ?? stageSetting ?? DEFAULT_FORECAST[stage] ?? "PIPELINE";
}
