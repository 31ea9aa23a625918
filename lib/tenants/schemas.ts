import { z } from "zod";
import { currencyInput } from "@/lib/currency/browser";

export const tenantOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    base_currency: z.string().meta({ description: "ISO 4217: every total is in this currency." }),
    has_deals: z.boolean().meta({ description: "The base currency can change only while this is false." }),
    created_at: z.iso.datetime(),
  })
  .meta({
    id: "Tenant",
    example: {
      id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      name: "Acme Inc",
      base_currency: "USD",
      has_deals: true,
      created_at: "2026-01-15T10:00:00.000Z",
    },
  });

export const updateTenantBody = z
  .object({
    name: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters").optional(),
    base_currency: currencyInput.optional().meta({ description: "Only while the company has no deals; its exchange rates are cleared." }),
  })
  .strict()
  .meta({ id: "UpdateTenantRequest", example: { name: "Acme Europe", base_currency: "EUR" } });

export type TenantOut = z.infer<typeof tenantOut>;
export type UpdateTenantBody = z.output<typeof updateTenantBody>;
