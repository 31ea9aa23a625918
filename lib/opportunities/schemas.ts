import { z } from "zod";
import { OpportunityStage } from "@/lib/generated/prisma/enums";
import { pageSchema, paginationQuery, queryDay, queryInt } from "@/lib/http/browser";
import { currencyInput } from "@/lib/currency/browser";
import { decimalInput, moneyOut } from "@/lib/money";
import { forecastCategorySchema } from "./stage-settings-schemas";

export const stageSchema = z.enum(OpportunityStage).meta({ id: "OpportunityStage", description: "Pipeline stage, in board order." });

/** A calendar date "YYYY-MM-DD", as the Date at 00:00 UTC that Prisma uses for `@db.Date`. */
const dateInput = z.iso
  .date({ message: "must be a date YYYY-MM-DD" })
  .transform((text) => new Date(`${text}T00:00:00.000Z`))
  .meta({ type: "string", format: "date", example: "2030-12-31" });

const name = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
const description = z.string().trim().max(10_000, "must be at most 10000 characters").nullable();
const lossReason = z.string().trim().max(1_000, "must be at most 1000 characters").nullable();
const estimatedValue = decimalInput({ scale: 2, integerDigits: 12, min: "0", exclusiveMin: true });
const probability = decimalInput({ scale: 2, integerDigits: 3, min: "0", max: "100" });

const forecastCategoryInput = forecastCategorySchema.nullable().optional().meta({
  description:
    "The deal's forecast category, kept when it moves between open stages; null: follow the stage's setting again (GET /pipeline/stages).",
});

export const opportunityIdParams = z.object({ id: z.uuid() });

export const createOpportunityBody = z
  .object({
    name,
    description: description.optional(),
    client_id: z.uuid({ message: "must be a client id" }),
    estimated_value: estimatedValue,
    currency: currencyInput.optional().meta({ description: "ISO 4217 code; defaults to the company's base currency." }),
    probability: probability.optional().meta({
      description:
        "Defaults to the stage's default probability (GET /pipeline/stages; the guide's LEAD 10, QUALIFIED 25, PROPOSAL 50, NEGOTIATION 75 unless an admin changed them).",
    }),
    expected_close_date: dateInput,
    stage: stageSchema.default(OpportunityStage.LEAD).meta({ description: "An open stage; defaults to LEAD." }),
    assigned_to: z
      .uuid({ message: "must be a user id" })
      .optional()
      .meta({ description: "Defaults to the caller; reps may only assign to themselves." }),
  })
  .strict()
  .meta({
    id: "CreateOpportunityRequest",
    example: {
      name: "Enterprise Software License",
      description: "Annual license for 100 users",
      client_id: "550e8400-e29b-41d4-a716-446655440000",
      estimated_value: "50000.00",
      currency: "USD",
      probability: "70",
      expected_close_date: "2030-12-31",
      stage: "PROPOSAL",
    },
  });

export const updateOpportunityBody = z
  .object({
    name: name.optional(),
    description: description.optional(),
    client_id: z.uuid({ message: "must be a client id" }).optional(),
    estimated_value: estimatedValue.optional(),
    currency: currencyInput.optional(),
    probability: probability.optional(),
    expected_close_date: dateInput.optional(),
    assigned_to: z.uuid({ message: "must be a user id" }).optional(),
    stage: stageSchema.optional(),
    loss_reason: lossReason.optional().meta({ description: "Required when `stage` is CLOSED_LOST (or `loss_reason_id`)." }),
    loss_reason_id: z
      .uuid({ message: "must be a loss reason id" })
      .optional()
      .meta({ description: "With `stage` CLOSED_LOST: a reason from the company's list; `loss_reason` then defaults to its label." }),
    forecast_category: forecastCategoryInput,
  })
  .strict()
  .meta({
    id: "UpdateOpportunityRequest",
    description: "Partial update: only the fields sent change.",
    example: { estimated_value: "65000.00", probability: "80", stage: "NEGOTIATION" },
  });

export const changeStageBody = z
  .object({
    stage: stageSchema,
    loss_reason: lossReason.optional().meta({ description: "Required when `stage` is CLOSED_LOST (or `loss_reason_id`)." }),
    loss_reason_id: z
      .uuid({ message: "must be a loss reason id" })
      .optional()
      .meta({ description: "With `stage` CLOSED_LOST: a reason from the company's list; `loss_reason` then defaults to its label." }),
    before_id: z
      .uuid({ message: "must be an opportunity id" })
      .optional()
      .meta({ description: "The card just above the drop point in the target column." }),
    after_id: z
      .uuid({ message: "must be an opportunity id" })
      .optional()
      .meta({ description: "The card just below the drop point in the target column." }),
  })
  .strict()
  .meta({ id: "ChangeStageRequest", example: { stage: "CLOSED_LOST", loss_reason: "Competitor had better pricing" } });

export const reopenBody = z
  .object({
    stage: stageSchema.meta({ description: "The open stage the deal goes back to." }),
    reason: z
      .string({ message: "is required" })
      .trim()
      .min(1, { message: "is required" })
      .max(500, { message: "must be at most 500 characters" })
      .meta({ description: "Why the deal is reopened; kept in its history." }),
    before_id: z
      .uuid({ message: "must be an opportunity id" })
      .optional()
      .meta({ description: "The card just above the drop point in the target column (default: the top)." }),
    after_id: z.uuid({ message: "must be an opportunity id" }).optional().meta({ description: "The card just below the drop point." }),
  })
  .strict()
  .meta({ id: "ReopenRequest", example: { stage: "NEGOTIATION", reason: "The client came back with a new budget" } });

export const SORT_FIELDS = ["created_at", "expected_close_date", "estimated_value", "name", "stage", "probability"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
const sortValues = SORT_FIELDS.flatMap((field) => [field, `-${field}`] as const);

const filterQuery = {
  assigned_to: z.uuid({ message: "must be a user id" }).optional(),
  client_id: z.uuid({ message: "must be a client id" }).optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional().meta({ description: "Name contains (case-insensitive)." }),
};

export const listOpportunitiesQuery = paginationQuery.extend({
  ...filterQuery,
  stage: stageSchema.optional(),
  overdue: z
    .enum(["true", "false"], { message: "must be true or false" })
    .transform((v) => v === "true")
    .optional()
    .meta({ description: "true: open deals past their expected close date; false: all others." }),
  forecast_category: forecastCategorySchema.optional().meta({ description: "Open deals in this forecast category." }),
  close_from: z.iso.date({ message: "must be a date YYYY-MM-DD" }).optional().meta({
    type: "string",
    format: "date",
    description: "Close date on or after this day: the day a closed deal closed, the expected close date of an open one.",
  }),
  close_to: z.iso
    .date({ message: "must be a date YYYY-MM-DD" })
    .optional()
    .meta({ type: "string", format: "date", description: "Close date on or before this day (as `close_from`)." }),
  sort: z
    .enum(sortValues, { message: `must be one of ${SORT_FIELDS.join(", ")}, optionally prefixed with -` })
    .default("-created_at")
    .meta({ description: "Sort field, `-` prefix for descending; ties break by id." }),
});

export const MAX_BULK_IDS = 500;

const bulkIds = z
  .array(z.uuid({ message: "must be opportunity ids" }))
  .min(1, "needs at least one id")
  .max(MAX_BULK_IDS, `takes at most ${MAX_BULK_IDS} ids`);

export const bulkActionBody = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("assign"), ids: bulkIds, assigned_to: z.uuid({ message: "must be a user id" }) }).strict(),
    z
      .object({
        action: z.literal("move_stage"),
        ids: bulkIds,
        stage: stageSchema,
        loss_reason: lossReason.optional().meta({ description: "Required when `stage` is CLOSED_LOST." }),
      })
      .strict(),
    z.object({ action: z.literal("delete"), ids: bulkIds }).strict(),
    z
      .object({
        action: z.literal("set_forecast_category"),
        ids: bulkIds,
        forecast_category: forecastCategorySchema.nullable().meta({ description: "null: follow each deal's stage again." }),
      })
      .strict(),
  ])
  .meta({
    id: "BulkOpportunityAction",
    description: "One action on up to 500 deals; each deal gets exactly the rules of the single-deal route.",
    example: { action: "move_stage", ids: ["7d0e3b9c-2f4a-4c1e-9a57-0b6f3c1d2e4f"], stage: "NEGOTIATION" },
  });

export const bulkResultOut = z
  .object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.object({
        id: z.uuid(),
        status: z.number().int().meta({ description: "What the single-deal route would have answered: 200, 403, 404, 409, 422…" }),
        detail: z.string().optional().meta({ description: "Why it was refused." }),
      }),
    ),
  })
  .meta({ id: "BulkOpportunityResult" });

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;

export const exportOpportunitiesQuery = listOpportunitiesQuery.omit({ page: true, page_size: true }).extend({
  format: z
    .enum(EXPORT_FORMATS, { message: "must be csv or xlsx" })
    .default("csv")
    .meta({ description: "csv (UTF-8, comma-separated, header row) or xlsx." }),
});

export const summaryQuery = z.object({
  assigned_to: filterQuery.assigned_to,
  as_of: queryDay.optional().meta({
    type: "string",
    format: "date",
    description:
      "The summary as the pipeline stood at the end of this day (UTC), rebuilt from the change log; a rep's covers the deals they owned then.",
  }),
});

export const MAX_BOARD_LIMIT = 100;

export const boardQuery = z.object({
  ...filterQuery,
  stage: stageSchema.optional().meta({ description: "Only this column (required with `cursor`)." }),
  cursor: z.string().max(200).optional().meta({ description: "A column's `next_cursor`, to load its next page." }),
  limit: queryInt(1, MAX_BOARD_LIMIT).default(50).meta({ description: "Cards per column (1–100)." }),
});

const isoDate = z.iso.date();
const instant = z.iso.datetime();

const nextActivityOut = z
  .object({
    id: z.uuid(),
    type: z.enum(["CALL", "MEETING", "EMAIL", "TASK", "NOTE"]),
    subject: z.string(),
    due_at: instant.nullable(),
  })
  .meta({ id: "NextActivity" });

export const opportunityOut = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    client_id: z.uuid(),
    client: z.object({ id: z.uuid(), name: z.string() }),
    assigned_to: z.uuid(),
    assigned_user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    estimated_value: moneyOut,
    currency: z.string(),
    probability: moneyOut,
    forecast_category: forecastCategorySchema.nullable().meta({
      description:
        "Open deals: the category set on the deal by hand, else its stage's setting (LEAD, QUALIFIED → PIPELINE; PROPOSAL → BEST_CASE; NEGOTIATION → COMMIT unless an admin changed them); null once closed.",
    }),
    forecast_category_is_custom: z
      .boolean()
      .meta({ description: "True when the category was set on the deal (kept across stage moves); false when it follows the stage." }),
    probability_is_custom: z.boolean().meta({
      description:
        "True when the probability was set by hand (differing from the stage default): it is kept when the deal moves between open stages; otherwise each stage's default applies.",
    }),
    weighted_value: moneyOut.meta({ description: "round_half_up(estimated_value × probability / 100, 2)" }),
    base_currency: z.string().meta({ description: "The company's base currency: every total is in it." }),
    base_value: moneyOut.meta({
      description:
        "estimated_value in the base currency: round_half_up(estimated_value × rate, 2), at today's rate while open, the close day's once closed.",
    }),
    base_weighted_value: moneyOut.meta({ description: "round_half_up(base_value × probability / 100, 2)" }),
    fx_rate: z
      .string()
      .regex(/^\d+\.\d{8}$/)
      .nullable()
      .meta({ description: "The rate frozen when the deal closed (base currency per 1 unit of `currency`); null while open." }),
    expected_close_date: isoDate,
    actual_close_date: isoDate.nullable(),
    stage: stageSchema,
    loss_reason: z.string().nullable(),
    loss_reason_id: z.uuid().nullable().meta({ description: "The loss reason from the company's list, when closed lost with one." }),
    close_date_pushes: z.number().int().meta({ description: "How many times the expected close date moved later." }),
    is_closed: z.boolean(),
    is_won: z.boolean(),
    version: z.number().int().meta({ description: 'Send as `If-Match: "<version>"` to make a write conditional.' }),
    created_at: instant,
    updated_at: instant,
    next_activity: nextActivityOut
      .nullable()
      .meta({ description: "The open activity due soonest (one without a due time only when none has one); null when none." }),
    last_activity_at: instant.nullable().meta({ description: "When the latest done activity on this deal was done." }),
    stage_entered_at: instant.meta({ description: "When the deal entered its current stage." }),
    days_in_stage: z.number().int().meta({ description: "Whole days since stage_entered_at." }),
    is_stale: z.boolean().meta({
      description:
        "Open, in its stage longer than the stage's stale threshold, no activity done within that many days and no open activity due from now on.",
    }),
  })
  .meta({
    id: "Opportunity",
    example: {
      id: "7d0e3b9c-2f4a-4c1e-9a57-0b6f3c1d2e4f",
      tenant_id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      name: "Enterprise Software License",
      description: "Annual license for 100 users",
      client_id: "550e8400-e29b-41d4-a716-446655440000",
      client: { id: "550e8400-e29b-41d4-a716-446655440000", name: "Acme Corp" },
      assigned_to: "3b241101-e2bb-4255-8caf-4136c566a962",
      assigned_user: { id: "3b241101-e2bb-4255-8caf-4136c566a962", name: "Sam Rep", email: "sam@acme.test" },
      estimated_value: "50000.00",
      currency: "USD",
      probability: "70.00",
      probability_is_custom: false,
      forecast_category: "BEST_CASE",
      forecast_category_is_custom: false,
      weighted_value: "35000.00",
      base_currency: "USD",
      base_value: "50000.00",
      base_weighted_value: "35000.00",
      fx_rate: null,
      expected_close_date: "2030-12-31",
      actual_close_date: null,
      stage: "PROPOSAL",
      loss_reason: null,
      loss_reason_id: null,
      close_date_pushes: 0,
      is_closed: false,
      is_won: false,
      version: 1,
      created_at: "2026-01-15T10:00:00.000Z",
      updated_at: "2026-01-15T10:00:00.000Z",
      next_activity: {
        id: "a3c9e7f2-1b4d-4e8a-9c6f-2d5b8e1a7c30",
        type: "CALL",
        subject: "Call about the renewal",
        due_at: "2026-01-20T09:30:00.000Z",
      },
      last_activity_at: "2026-01-14T16:00:00.000Z",
      stage_entered_at: "2026-01-10T08:00:00.000Z",
      days_in_stage: 5,
      is_stale: false,
    },
  });

export const opportunityPageOut = pageSchema(opportunityOut).meta({ id: "OpportunityPage" });

const stageTotalsOut = z.object({
  count: z.number().int(),
  total_value: moneyOut,
  weighted_value: moneyOut,
  average_probability: moneyOut,
});

const byStageShape = Object.fromEntries(Object.values(OpportunityStage).map((stage) => [stage, stageTotalsOut])) as Record<
  OpportunityStage,
  typeof stageTotalsOut
>;

const baseCurrencyOut = z
  .string()
  .meta({ description: "The tenant's base currency (ISO 4217): every total here is in it.", example: "USD" });

export const pipelineSummaryOut = z
  .object({
    base_currency: baseCurrencyOut,
    total_opportunities: z.number().int(),
    total_value: moneyOut,
    weighted_value: moneyOut,
    by_stage: z.object(byStageShape),
    win_rate: moneyOut.meta({ description: 'won / (won + lost) × 100, rounded half up; "0.00" with no closed deal.' }),
    average_deal_size: moneyOut.meta({ description: 'total_value / total_opportunities, rounded half up; "0.00" with none.' }),
    total_won: z.number().int(),
    total_lost: z.number().int(),
    active_opportunities: z.number().int(),
  })
  .meta({
    id: "PipelineSummary",
    example: {
      base_currency: "USD",
      total_opportunities: 45,
      total_value: "2500000.00",
      weighted_value: "1750000.00",
      by_stage: {
        LEAD: { count: 10, total_value: "500000.00", weighted_value: "150000.00", average_probability: "30.00" },
        QUALIFIED: { count: 5, total_value: "250000.00", weighted_value: "62500.00", average_probability: "25.00" },
        PROPOSAL: { count: 4, total_value: "200000.00", weighted_value: "100000.00", average_probability: "50.00" },
        NEGOTIATION: { count: 3, total_value: "150000.00", weighted_value: "112500.00", average_probability: "75.00" },
        CLOSED_WON: { count: 15, total_value: "1000000.00", weighted_value: "1000000.00", average_probability: "100.00" },
        CLOSED_LOST: { count: 8, total_value: "400000.00", weighted_value: "0.00", average_probability: "0.00" },
      },
      win_rate: "65.50",
      average_deal_size: "55555.56",
      total_won: 15,
      total_lost: 8,
      active_opportunities: 22,
    },
  });

export const boardCardOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    client_name: z.string(),
    owner_id: z.uuid().meta({ description: "The assignee; name and initials are in the board's `owners`." }),
    value: moneyOut.meta({ description: "The estimated value, in `currency`." }),
    currency: z.string().optional().meta({ description: "The deal's currency; absent when it is the board's `base_currency`." }),
    base_value: moneyOut
      .optional()
      .meta({ description: "The estimated value in the board's `base_currency`; absent when it equals `value`." }),
    probability: moneyOut,
    close_date: isoDate.meta({ description: "The day a closed deal closed; the expected close date of an open one." }),
    overdue: z
      .literal(true)
      .optional()
      .meta({ description: "Present (true) only when the deal is open and past its expected close date." }),
    fc: forecastCategorySchema.optional().meta({ description: "The deal's `forecast_category`; absent once closed." }),
    version: z.number().int().meta({ description: 'Send as `If-Match: "<version>"` when moving the card.' }),
    nx: z
      .object({ t: z.enum(["CALL", "MEETING", "EMAIL", "TASK", "NOTE"]), s: z.string(), d: instant.optional() })
      .optional()
      .meta({
        description:
          "The next step: the deal's `next_activity` as type `t`, subject `s` and due time `d` (absent when undated); absent when none.",
      }),
    st: z.number().int().optional().meta({ description: "Present only when the deal is stale (`is_stale`): its days in the stage." }),
  })
  .meta({
    id: "BoardCard",
    description:
      "What a card shows and a move needs, each key only when it tells something; its stage is its column's, its place the order of `items`. The whole deal: GET /opportunities/{id}.",
    example: {
      id: "7d0e3b9c-2f4a-4c1e-9a57-0b6f3c1d2e4f",
      name: "Enterprise Software License",
      client_name: "Acme Corp",
      owner_id: "3b241101-e2bb-4255-8caf-4136c566a962",
      value: "50000.00",
      currency: "EUR",
      base_value: "54250.00",
      probability: "50.00",
      close_date: "2030-12-31",
      fc: "BEST_CASE",
      version: 3,
      nx: { t: "CALL", s: "Call about the renewal", d: "2026-01-20T09:30:00.000Z" },
    },
  });

export const boardOwnerOut = z
  .object({ id: z.uuid(), name: z.string(), initials: z.string() })
  .meta({ id: "BoardOwner", description: "An owner of cards on this page of the board." });

export const boardColumnOut = z.object({
  stage: stageSchema,
  count: z.number().int().meta({ description: "All cards of the column under the filters, not only this page." }),
  total_value: moneyOut,
  weighted_value: moneyOut,
  items: z.array(boardCardOut).meta({ description: "This page of the column's cards, in board order." }),
  next_cursor: z.string().nullable(),
});

export const pipelineBoardOut = z
  .object({ base_currency: baseCurrencyOut, owners: z.array(boardOwnerOut), stages: z.array(boardColumnOut) })
  .meta({ id: "PipelineBoard" });

export const stageHistoryOut = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        from_stage: stageSchema.nullable(),
        to_stage: stageSchema,
        changed_by: z.object({ id: z.uuid(), name: z.string() }),
        loss_reason: z.string().nullable(),
        reason: z.string().nullable().meta({ description: "Why a closed deal was reopened (entries leaving a closed stage)." }),
        changed_at: instant,
      }),
    ),
  })
  .meta({
    id: "OpportunityStageHistory",
    example: {
      items: [
        {
          id: "5f1c0a9e-3d4b-4e2a-8f6c-1a2b3c4d5e6f",
          from_stage: null,
          to_stage: "LEAD",
          changed_by: { id: "3b241101-e2bb-4255-8caf-4136c566a962", name: "Sam Rep" },
          loss_reason: null,
          reason: null,
          changed_at: "2026-01-15T10:00:00.000Z",
        },
        {
          id: "6a2d1b0f-4e5c-4f3b-9a7d-2b3c4d5e6f70",
          from_stage: "LEAD",
          to_stage: "CLOSED_LOST",
          changed_by: { id: "3b241101-e2bb-4255-8caf-4136c566a962", name: "Sam Rep" },
          loss_reason: "Competitor had better pricing",
          reason: null,
          changed_at: "2026-02-01T09:30:00.000Z",
        },
      ],
    },
  });

export const boardEventStreamOut = z.string().meta({
  id: "BoardEventStream",
  description:
    'Server-Sent Events. `change` (data `{"opportunity_id":…,"stages":[…],"actor_id":…}`) whenever a deal you can see ' +
    "is created, moved, changed or deleted, by anyone, on any app instance: `stages` are the columns it left and entered, " +
    "to be re-read. `refetch` when changes may have been missed (reload the board). A comment line every 25 s keeps the " +
    "connection alive.",
  example: 'retry: 5000\n\nevent: change\ndata: {"opportunity_id":"…","stages":["LEAD","QUALIFIED"],"actor_id":"…"}\n\n',
});

export type CreateOpportunityInput = z.output<typeof createOpportunityBody>;
export type UpdateOpportunityInput = z.output<typeof updateOpportunityBody>;
export type ChangeStageInput = z.output<typeof changeStageBody>;
export type ReopenInput = z.output<typeof reopenBody>;
export type OpportunityFilters = Pick<
  z.output<typeof listOpportunitiesQuery>,
  "assigned_to" | "client_id" | "q" | "forecast_category" | "close_from" | "close_to"
> & {
  stage?: OpportunityStage;
  overdue?: boolean;
};
export type ListOpportunitiesQuery = z.output<typeof listOpportunitiesQuery>;
export type ExportOpportunitiesQuery = z.output<typeof exportOpportunitiesQuery>;
export type BulkActionInput = z.output<typeof bulkActionBody>;
export type BulkResultOut = z.infer<typeof bulkResultOut>;
export type BoardQuery = z.output<typeof boardQuery>;
export type OpportunityOut = z.infer<typeof opportunityOut>;
export type PipelineSummaryOut = z.infer<typeof pipelineSummaryOut>;
export type BoardColumnOut = z.infer<typeof boardColumnOut>;
export type BoardCardOut = z.infer<typeof boardCardOut>;
export type BoardOwnerOut = z.infer<typeof boardOwnerOut>;
export type PipelineBoardOut = z.infer<typeof pipelineBoardOut>;
export type StageHistoryOut = z.infer<typeof stageHistoryOut>;
