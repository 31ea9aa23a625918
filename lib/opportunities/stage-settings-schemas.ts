import { z } from "zod";
import { decimalInput, moneyOut } from "@/lib/money";
import { OPEN_STAGES } from "./rules";

export const FORECAST_CATEGORIES = ["PIPELINE", "BEST_CASE", "COMMIT", "OMITTED"] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

const openStage = z
  .enum(OPEN_STAGES as [string, ...string[]], { message: `must be an open stage: ${OPEN_STAGES.join(", ")}` })
  .meta({ description: "An open stage (closed stages have fixed probabilities and never go stale)." });

export const forecastCategorySchema = z
  .enum(FORECAST_CATEGORIES, { message: `must be one of ${FORECAST_CATEGORIES.join(", ")}` })
  .meta({ id: "ForecastCategory" });

const staleAfterDays = z
  .union([z.number().int().min(1).max(3650), z.literal("auto"), z.null()], {
    message: 'must be a whole number of days (1–3650), "auto" or null',
  })
  .meta({
    description:
      'Days in the stage after which an untouched deal is stale; "auto": the 75th percentile of the days the company\'s won deals spent in the stage (needs 10 won deals, else off); null: off.',
  });

export const putStageSettingsBody = z
  .object({
    stages: z
      .array(
        z
          .object({
            stage: openStage,
            default_probability: decimalInput({ scale: 2, integerDigits: 3, min: "0", max: "100" }).optional(),
            forecast_category: forecastCategorySchema.optional(),
            stale_after_days: staleAfterDays.optional(),
          })
          .strict(),
      )
      .min(1, "must name at least one stage")
      .max(OPEN_STAGES.length),
  })
  .strict()
  .meta({
    id: "PutStageSettingsRequest",
    example: {
      stages: [
        { stage: "PROPOSAL", default_probability: "40", stale_after_days: 14 },
        { stage: "NEGOTIATION", stale_after_days: "auto" },
      ],
    },
  });

export const stageSettingOut = z.object({
  stage: z.enum(OPEN_STAGES as [string, ...string[]]),
  default_probability: moneyOut.meta({ description: "The probability a deal takes when it enters the stage without one." }),
  forecast_category: forecastCategorySchema,
  stale_after_days: z.union([z.number().int(), z.literal("auto"), z.null()]),
  effective_stale_after_days: z
    .number()
    .int()
    .nullable()
    .meta({ description: "The threshold in force: the fixed number, the auto value (as last computed), or null when off." }),
});

export const stageSettingsOut = z
  .object({
    stages: z.array(stageSettingOut),
    won_deals: z.number().int().meta({ description: "The company's won deals, which auto thresholds learn from (10 needed)." }),
  })
  .meta({ id: "StageSettings" });

export type PutStageSettingsInput = z.output<typeof putStageSettingsBody>;
export type StageSettingsOut = z.infer<typeof stageSettingsOut>;
