import { z } from "zod";
import { queryInt } from "@/lib/http/browser";
import { decimalInput, moneyOut } from "@/lib/money";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthInput = z
  .string()
  .regex(MONTH, { message: "must be a month YYYY-MM" })
  .meta({ type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$", example: "2026-12" });

const baseCurrency = z.string().meta({ description: "The tenant's base currency: every amount here is in it.", example: "USD" });
const user = z.object({ id: z.uuid(), name: z.string() });

export const MAX_TARGET_MONTHS = 36;
export const MAX_TARGETS_PER_PUT = 1000;

export const targetsQuery = z
  .object({
    from: monthInput.meta({ description: "First month." }),
    to: monthInput.meta({ description: "Last month, included." }),
    user_id: z
      .uuid({ message: "must be a user id" })
      .optional()
      .meta({ description: "Only this user's targets (a rep always gets only their own)." }),
  })
  .refine((q) => q.from <= q.to, { message: "must not be after `to`", path: ["from"] })
  .refine((q) => monthsBetween(q.from, q.to) <= MAX_TARGET_MONTHS, { message: `spans at most ${MAX_TARGET_MONTHS} months`, path: ["to"] });

export const putTargetsBody = z
  .object({
    targets: z
      .array(
        z
          .object({
            user_id: z.uuid({ message: "must be a user id" }),
            month: monthInput,
            amount: decimalInput({ scale: 2, integerDigits: 18, min: "0" }).meta({
              description: "The month's target in the base currency; 0 removes it.",
            }),
          })
          .strict(),
      )
      .min(1, "needs at least one target")
      .max(MAX_TARGETS_PER_PUT, `takes at most ${MAX_TARGETS_PER_PUT} targets`),
  })
  .strict()
  .meta({
    id: "PutTargetsRequest",
    description: "Sets each named user's target for each named month (others stay as they are).",
    example: { targets: [{ user_id: "3b241101-e2bb-4255-8caf-4136c566a962", month: "2026-12", amount: "50000.00" }] },
  });

export const targetsOut = z
  .object({
    base_currency: baseCurrency,
    items: z.array(z.object({ user, month: z.string().meta({ example: "2026-12" }), amount: moneyOut })),
  })
  .meta({
    id: "Targets",
    description: "Monthly sales targets, by user then month; a month without a target is left out.",
    example: {
      base_currency: "USD",
      items: [{ user: { id: "3b241101-e2bb-4255-8caf-4136c566a962", name: "Sam Rep" }, month: "2026-12", amount: "50000.00" }],
    },
  });

export const FORECAST_PERIODS = ["month", "quarter"] as const;
export const MAX_FORECAST_PERIODS = 24;

export const forecastQuery = z.object({
  period: z.enum(FORECAST_PERIODS, { message: "must be month or quarter" }).default("month"),
  from: monthInput.meta({ description: "The first period's first month (a quarter starts at the quarter holding it)." }),
  periods: queryInt(1, MAX_FORECAST_PERIODS)
    .default(3)
    .meta({ description: `How many periods (1–${MAX_FORECAST_PERIODS}).` }),
  assigned_to: z
    .uuid({ message: "must be a user id" })
    .optional()
    .meta({ description: "Only this rep (a rep always sees only their own)." }),
});

const percent = moneyOut
  .nullable()
  .meta({ description: "closed_won ÷ target × 100, two decimals; null without a target.", example: "82.50" });

const figures = {
  target: moneyOut.meta({ description: "The sum of the monthly targets of the period." }),
  closed_won: moneyOut.meta({ description: "Base value of the deals won with their close date in the period." }),
  commit: moneyOut.meta({ description: "Base value of the open deals in COMMIT expected to close in the period." }),
  best_case: moneyOut.meta({ description: "Open deals in BEST_CASE, as commit." }),
  pipeline: moneyOut.meta({ description: "Open deals in PIPELINE, as commit." }),
  weighted: moneyOut.meta({
    description: "Σ round(base value × probability / 100, 2) of the open, not OMITTED, deals expected in the period.",
  }),
  attainment: percent,
  gap: moneyOut.meta({ description: "target − closed_won, never below 0." }),
  open_deals: z.number().int().meta({ description: "Open deals expected to close in the period (all categories)." }),
  p10: moneyOut.meta({ description: "Simulated won value of the period (closed won + open deals won): 10th percentile of the runs." }),
  p50: moneyOut,
  p90: moneyOut,
};

export const forecastOut = z
  .object({
    base_currency: baseCurrency,
    period: z.enum(FORECAST_PERIODS),
    simulation: z.object({
      runs: z.number().int(),
      seed: z.string().meta({ description: "Derived from the data (a hash of every input): the same data gives the same numbers." }),
      closed_deals: z.number().int().meta({ description: "Closed deals of the tenant the win rates were learned from." }),
      win_rates: z
        .array(
          z.object({
            stage: z.string(),
            rate: moneyOut.meta({ description: "Chance (percent) that a deal now in this stage is won." }),
            source: z.enum(["history", "stage_probability"]).meta({
              description: "history: won ÷ closed of the deals that were in this stage (20 or more closed); else the stage's probability.",
            }),
            closed: z.number().int().meta({ description: "Closed deals that went through this stage." }),
          }),
        )
        .meta({ description: "Per open stage." }),
    }),
    periods: z.array(
      z.object({
        key: z.string().meta({ description: "YYYY-MM or YYYY-Qn.", example: "2026-12" }),
        from: z.iso.date(),
        to: z.iso.date(),
        ...figures,
        reps: z.array(z.object({ user, ...figures })).meta({ description: "Each rep with a target, a deal or a won deal in the period." }),
      }),
    ),
  })
  .meta({
    id: "AnalyticsForecast",
    description:
      "Per period and per rep: target, won, the open pipeline by forecast category and the simulated range of won value (see docs/forecast.md).",
  });

export type TargetsQuery = z.output<typeof targetsQuery>;
export type PutTargetsInput = z.output<typeof putTargetsBody>;
export type TargetsOut = z.infer<typeof targetsOut>;
export type ForecastQuery = z.output<typeof forecastQuery>;
export type ForecastOut = z.infer<typeof forecastOut>;
export type ForecastFigures = Omit<ForecastOut["periods"][number], "key" | "from" | "to" | "reps">;

/** Months from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return index(to) - index(from) + 1;
}
