import type { Prisma } from "@/lib/db";
import { toIsoDate } from "@/lib/clock";
import { toMoney } from "@/lib/money";
import { clientRefSelect, serializeClientRef, serializeUserRef, userRefSelect } from "./refs";
import type { QuoteOut } from "./schemas";

export const quoteSelect = {
  id: true,
  tenantId: true,
  clientId: true,
  quoteNumber: true,
  totalAmount: true,
  currency: true,
  status: true,
  validUntil: true,
  salesRepId: true,
  createdAt: true,
  updatedAt: true,
  client: { select: clientRefSelect },
  salesRep: { select: userRefSelect },
} as const satisfies Prisma.QuoteSelect;

export type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof quoteSelect }>;

export function serializeQuote(row: QuoteRow): QuoteOut {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    client_id: row.clientId,
    client: serializeClientRef(row.client),
    quote_number: row.quoteNumber,
    total_amount: toMoney(row.totalAmount),
    currency: row.currency,
    status: row.status,
    valid_until: toIsoDate(row.validUntil),
    sales_rep_id: row.salesRepId,
    sales_rep: serializeUserRef(row.salesRep),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
