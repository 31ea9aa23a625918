import { z } from "zod";
import { QuoteStatus } from "@/lib/generated/prisma/enums";
import { currencyInput } from "@/lib/currency/browser";
import { decimalInput, moneyOut } from "@/lib/money";
import { pageSchema, paginationQuery } from "@/lib/http";
import { clientRefOut, userRefOut } from "./refs";

export const QUOTE_STATUSES = Object.values(QuoteStatus);

export const quoteStatusSchema = z
  .enum(QuoteStatus, { message: `must be one of ${QUOTE_STATUSES.join(", ")}` })
  .meta({ id: "QuoteStatus" });

/** A calendar date `YYYY-MM-DD` (a real day), as a Date at 00:00 UTC. */
const validUntil = z.iso
  .date({ message: "must be a date in the form YYYY-MM-DD" })
  .transform((text) => new Date(`${text}T00:00:00.000Z`))
  .meta({ type: "string", format: "date", example: "2026-03-31" });

const id = z.uuid({ error: (issue) => (issue.input === undefined || issue.input === "" ? "is required" : "must be a valid id") });
const quoteNumber = z.string().trim().min(1, "is required").max(50, "must be at most 50 characters");
const totalAmount = decimalInput({ scale: 2, integerDigits: 12, min: "0" });

export const createQuoteBody = z
  .object({
    client_id: id,
    quote_number: quoteNumber,
    total_amount: totalAmount,
    currency: currencyInput.optional().meta({ description: "ISO 4217 code; defaults to the company's base currency." }),
    status: quoteStatusSchema.default("DRAFT"),
    valid_until: validUntil,
    sales_rep_id: id.optional().meta({ description: "Defaults to the caller; a sales rep may only name themselves." }),
  })
  .strict()
  .meta({
    id: "CreateQuoteRequest",
    example: {
      client_id: "550e8400-e29b-41d4-a716-446655440000",
      quote_number: "Q-2026-001",
      total_amount: "12500.00",
      currency: "USD",
      status: "DRAFT",
      valid_until: "2026-03-31",
    },
  });

export const updateQuoteBody = z
  .object({
    client_id: id.optional(),
    quote_number: quoteNumber.optional(),
    total_amount: totalAmount.optional(),
    currency: currencyInput.optional(),
    status: quoteStatusSchema.optional(),
    valid_until: validUntil.optional(),
    sales_rep_id: id.optional(),
  })
  .strict()
  .meta({ id: "UpdateQuoteRequest", example: { status: "SENT" } });

export const quoteIdParams = z.object({ id: z.uuid() });

export const quoteListQuery = paginationQuery.extend({
  status: quoteStatusSchema.optional(),
  client_id: id.optional(),
  sales_rep_id: id.optional(),
});

export const quoteOut = z
  .object({
    id: z.uuid(),
    tenant_id: z.uuid(),
    client_id: z.uuid(),
    client: clientRefOut,
    quote_number: z.string(),
    total_amount: moneyOut,
    currency: z.string(),
    status: quoteStatusSchema,
    valid_until: z.iso.date(),
    sales_rep_id: z.uuid(),
    sales_rep: userRefOut,
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "Quote" });

export const quoteListOut = pageSchema(quoteOut).meta({ id: "QuoteList" });

export type CreateQuoteInput = z.output<typeof createQuoteBody>;
export type UpdateQuoteInput = z.output<typeof updateQuoteBody>;
export type QuoteListQuery = z.output<typeof quoteListQuery>;
export type QuoteOut = z.infer<typeof quoteOut>;
