import { z } from "zod";
import { queryDay } from "@/lib/http/browser";
import { moneyOut } from "@/lib/money";
import { stageSchema } from "@/lib/opportunities/browser";

/** The fields the change log records; `base_value` (the value in the base currency, restated with rates) and
 * `deleted` are kept too so the pipeline can be rebuilt as of any day. */
export const CHANGE_FIELDS = [
  "stage",
  "value",
  "base_value",
  "probability",
  "expected_close_date",
  "owner",
  "currency",
  "deleted",
  "forecast_category",
] as const;

const isoDate = queryDay.meta({ type: "string", format: "date", example: "2026-11-30" });

export const opportunityChangesParams = z.object({ id: z.uuid() });

export const opportunityChangesOut = z
  .object({
    items: z.array(
      z.object({
        id: z.string().meta({ description: "Increasing with the order of the changes." }),
        field: z.enum(CHANGE_FIELDS),
        old_value: z.string().nullable().meta({ description: "null on the deal's first entry (its creation)." }),
        new_value: z.string().nullable(),
        changed_by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        changed_at: z.iso.datetime(),
      }),
    ),
  })
  .meta({
    id: "OpportunityChanges",
    description:
      "Every change of the deal's stage, value, base value, probability, expected close date, owner, currency, deletion or forecast category (set on the deal; null: following its stage), oldest first. Values are text: decimals with two places, dates YYYY-MM-DD, the owner a user id.",
    example: {
      items: [
        {
          id: "41",
          field: "expected_close_date",
          old_value: "2026-12-15",
          new_value: "2027-01-31",
          changed_by: { id: "0b0c2a8e-1d5f-4a4e-9a51-6f0e7f8c9d10", name: "Maria Lopez" },
          changed_at: "2026-11-03T09:12:44.120Z",
        },
      ],
    },
  });
export type OpportunityChangesOut = z.infer<typeof opportunityChangesOut>;

const assignedTo = z
  .uuid({ message: "must be a user id" })
  .optional()
  .meta({ description: "Only this user's deals (a rep always sees only their own)." });

/** A window of whole UTC days, both ends included. */
const windowShape = {
  from: isoDate.meta({ description: "First day (UTC)." }),
  to: isoDate.meta({ description: "Last day (UTC), included." }),
};
const windowRefine: [(w: { from: string; to: string }) => boolean, { message: string; path: string[] }] = [
  (w) => w.from <= w.to,
  { message: "must not be after `to`", path: ["from"] },
];

export const funnelQuery = z.object({ ...windowShape, assigned_to: assignedTo }).refine(...windowRefine);
export const velocityQuery = funnelQuery;
export const waterfallQuery = funnelQuery;

export const WIN_LOSS_GROUPS = ["rep", "client", "loss_reason", "month"] as const;
export const winLossQuery = z
  .object({
    ...windowShape,
    assigned_to: assignedTo,
    group_by: z
      .enum(WIN_LOSS_GROUPS, { message: "must be rep, client, loss_reason or month" })
      .default("rep")
      .meta({ description: "rep, client, loss_reason (lost deals only) or month (of the close)." }),
  })
  .refine(...windowRefine);

export type WindowQuery = z.infer<typeof funnelQuery>;
export type WinLossQuery = z.infer<typeof winLossQuery>;

const baseCurrency = z.string().meta({ description: "The tenant's base currency: every value here is in it.", example: "USD" });
const percent = moneyOut.meta({ description: 'A percentage with two decimals; "0.00" when nothing to divide by.', example: "62.50" });
const days = moneyOut.nullable().meta({ description: "Days with two decimals; null when no deal gives one.", example: "12.50" });

export const funnelOut = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    stages: z.array(
      z.object({
        stage: stageSchema,
        entered: z.number().int().meta({ description: "Times a deal entered the stage in the window." }),
        moved_on: z.number().int().meta({ description: "Of those, how many moved to a later stage (or won) by the window's end." }),
        conversion_rate: percent.meta({ description: "moved_on / entered × 100." }),
        won: z.number().int().meta({ description: "Of those entries, how many deals were won by the window's end." }),
        lost: z.number().int(),
        win_rate: percent.meta({ description: "won / (won + lost) × 100: the win rate from this stage." }),
        median_days_in_stage: days,
        mean_days_in_stage: days.meta({ description: "Over the entries that left the stage by the window's end." }),
      }),
    ),
  })
  .meta({
    id: "AnalyticsFunnel",
    example: {
      from: "2026-10-01",
      to: "2026-12-31",
      stages: [
        {
          stage: "LEAD",
          entered: 40,
          moved_on: 22,
          conversion_rate: "55.00",
          won: 9,
          lost: 11,
          win_rate: "45.00",
          median_days_in_stage: "6.00",
          mean_days_in_stage: "8.25",
        },
      ],
    },
  });
export type FunnelOut = z.infer<typeof funnelOut>;

const winLossFigures = {
  won: z.number().int(),
  lost: z.number().int(),
  won_value: moneyOut,
  lost_value: moneyOut,
  win_rate: percent.meta({ description: "won / (won + lost) × 100." }),
  mean_cycle_days: days.meta({ description: "Mean days from creation to close of the closed deals." }),
  close_date_pushes: z.number().int().meta({ description: "How many times these deals' expected close dates moved later." }),
};

export const winLossOut = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    group_by: z.enum(WIN_LOSS_GROUPS),
    base_currency: baseCurrency,
    groups: z.array(
      z.object({
        key: z.string().nullable().meta({ description: "The user, client or loss reason id, or the month YYYY-MM; null: no loss reason." }),
        label: z.string(),
        ...winLossFigures,
      }),
    ),
    totals: z.object(winLossFigures),
  })
  .meta({
    id: "AnalyticsWinLoss",
    description: "Deals closed in the window (by their close date), grouped.",
    example: {
      from: "2026-10-01",
      to: "2026-12-31",
      group_by: "rep",
      base_currency: "USD",
      groups: [
        {
          key: "0b0c2a8e-1d5f-4a4e-9a51-6f0e7f8c9d10",
          label: "Maria Lopez",
          won: 6,
          lost: 2,
          won_value: "180000.00",
          lost_value: "40000.00",
          win_rate: "75.00",
          mean_cycle_days: "41.50",
          close_date_pushes: 3,
        },
      ],
      totals: {
        won: 6,
        lost: 2,
        won_value: "180000.00",
        lost_value: "40000.00",
        win_rate: "75.00",
        mean_cycle_days: "41.50",
        close_date_pushes: 3,
      },
    },
  });
export type WinLossOut = z.infer<typeof winLossOut>;

export const velocityOut = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    base_currency: baseCurrency,
    open_deals: z.number().int().meta({ description: "Open deals now." }),
    mean_deal_size: moneyOut.meta({ description: "Mean base value of the deals won in the window." }),
    win_rate: percent.meta({ description: "won / (won + lost) × 100 of the deals closed in the window." }),
    mean_cycle_days: days.meta({ description: "Mean days from creation to close of the deals won in the window." }),
    velocity: moneyOut.meta({
      description: "open_deals × mean_deal_size × won/(won+lost) ÷ mean_cycle_days, base currency per day (exact, rounded once).",
    }),
  })
  .meta({
    id: "AnalyticsVelocity",
    example: {
      from: "2026-10-01",
      to: "2026-12-31",
      base_currency: "USD",
      open_deals: 24,
      mean_deal_size: "30000.00",
      win_rate: "40.00",
      mean_cycle_days: "45.00",
      velocity: "6400.00",
    },
  });
export type VelocityOut = z.infer<typeof velocityOut>;

const flow = z.object({ count: z.number().int(), value: moneyOut });
export const WATERFALL_STEPS = ["created", "pulled_in", "pushed_out", "value_changed", "won", "lost", "deleted"] as const;

export const waterfallOut = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    base_currency: baseCurrency,
    start: flow.meta({ description: "Open deals expected to close by `to`, as they stood at the start of `from`." }),
    created: flow.meta({ description: "Deals created in the window." }),
    pulled_in: flow.meta({ description: "Older deals that came in: close date moved to `to` or before, or reopened." }),
    pushed_out: flow.meta({ description: "Deals still open whose close date moved after `to`." }),
    value_changed: flow.meta({ description: "Deals of `start` whose base value changed; the signed sum of the changes." }),
    won: flow,
    lost: flow,
    deleted: flow,
    end: flow.meta({ description: "Open deals expected to close by `to`, at the end of `to`." }),
  })
  .meta({
    id: "AnalyticsWaterfall",
    description:
      "end = start + created + pulled_in − pushed_out + value_changed − won − lost − deleted, in counts (value_changed aside) and base values. Deals that come in or go out count at their value at the end of `to`.",
    example: {
      from: "2026-11-01",
      to: "2026-11-30",
      base_currency: "USD",
      start: { count: 20, value: "400000.00" },
      created: { count: 5, value: "60000.00" },
      pulled_in: { count: 2, value: "30000.00" },
      pushed_out: { count: 3, value: "45000.00" },
      value_changed: { count: 4, value: "-5000.00" },
      won: { count: 4, value: "80000.00" },
      lost: { count: 2, value: "20000.00" },
      deleted: { count: 0, value: "0.00" },
      end: { count: 18, value: "340000.00" },
    },
  });
export type WaterfallOut = z.infer<typeof waterfallOut>;
