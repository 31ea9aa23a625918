import { type Scope, seesWholeTenant } from "@/lib/scope";
import { findClient, listClientOptions } from "@/lib/clients";
import { systemClock, type Clock } from "@/lib/clock";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from "@/lib/errors";
import { type Page, pageOf } from "@/lib/http";
import { baseCurrencyOf } from "@/lib/tenants";
import { isActiveTenantUser, listUsers } from "@/lib/users";
import {
  findQuote,
  insertQuote,
  listQuotes,
  quoteNumberTaken,
  softDeleteQuote,
  updateQuoteRow,
  withQuoteNumberLock,
  type QuoteData,
} from "./repository";
import type { CreateQuoteInput, QuoteListQuery, QuoteOut, UpdateQuoteInput } from "./schemas";
import { serializeQuote } from "./serialize";

export async function listQuotePage(scope: Scope, query: QuoteListQuery): Promise<Page<QuoteOut>> {
  const { rows, total } = await listQuotes(
    scope,
    { status: query.status, clientId: query.client_id, salesRepId: query.sales_rep_id },
    query,
  );
  return pageOf(rows.map(serializeQuote), total, query);
}

export async function getQuote(scope: Scope, id: string): Promise<QuoteOut> {
  const row = await findQuote(scope, id);
  if (!row) throw new NotFoundError("Quote");
  return serializeQuote(row);
}

export async function createQuote(scope: Scope, input: CreateQuoteInput): Promise<QuoteOut> {
  const salesRepId = input.sales_rep_id ?? scope.userId;
  await checkReferences(scope, { clientId: input.client_id, salesRepId });
  const data: QuoteData = {
    clientId: input.client_id,
    salesRepId,
    quoteNumber: input.quote_number,
    totalAmount: input.total_amount,
    currency: input.currency ?? (await baseCurrencyOf(scope)),
    status: input.status,
    validUntil: input.valid_until,
  };
  const row = await withQuoteNumberLock(scope, [data.quoteNumber], async (tx) => {
    if (await quoteNumberTaken(tx, scope, data.quoteNumber)) throw duplicateNumber(data.quoteNumber);
    return insertQuote(tx, scope, data);
  });
  return serializeQuote(row);
}

/** Partial update: omitted fields stay as they are. */
export async function updateQuote(scope: Scope, id: string, input: UpdateQuoteInput): Promise<QuoteOut> {
  if (!(await findQuote(scope, id))) throw new NotFoundError("Quote");
  await checkReferences(scope, { clientId: input.client_id, salesRepId: input.sales_rep_id });
  const changes: Partial<QuoteData> = {
    clientId: input.client_id,
    salesRepId: input.sales_rep_id,
    quoteNumber: input.quote_number,
    totalAmount: input.total_amount,
    currency: input.currency,
    status: input.status,
    validUntil: input.valid_until,
  };
  const number = changes.quoteNumber;
  const row = await withQuoteNumberLock(scope, number ? [number] : [], async (tx) => {
    if (number && (await quoteNumberTaken(tx, scope, number, id))) throw duplicateNumber(number);
    return updateQuoteRow(tx, scope, id, changes);
  });
  if (!row) throw new NotFoundError("Quote");
  return serializeQuote(row);
}

/** Soft delete by the owning rep or a manager (a rep never reaches another rep's quote: 404). */
export async function deleteQuote(scope: Scope, id: string, clock: Clock = systemClock): Promise<void> {
  if (!(await softDeleteQuote(scope, id, clock()))) throw new NotFoundError("Quote");
}

/**
 * A rep may only name themselves as the sales rep (403 otherwise, whether or not the user exists); the client
 * must be a live client of the tenant and the sales rep an active user of it (422 field errors).
 */
async function checkReferences(scope: Scope, refs: { clientId?: string; salesRepId?: string }): Promise<void> {
  const { clientId, salesRepId } = refs;
  const foreignRep = salesRepId !== undefined && salesRepId !== scope.userId;
  if (foreignRep && !seesWholeTenant(scope)) throw new ForbiddenError("A sales rep can only own their own quotes.", "sales_rep_id");
  const [clientOk, repOk] = await Promise.all([
    clientId === undefined ? true : findClient(scope, clientId).then(Boolean),
    foreignRep ? isActiveTenantUser(scope, salesRepId) : true,
  ]);
  const errors: FieldError[] = [];
  if (!clientOk) errors.push({ field: "client_id", message: "must be a client of your company" });
  if (!repOk) errors.push({ field: "sales_rep_id", message: "must be an active user of your company" });
  if (errors.length > 0) throw new ValidationError(errors);
}

function duplicateNumber(quoteNumber: string): ConflictError {
  return new ConflictError(`Quote number ${quoteNumber} is already used by another quote.`, "quote_number");
}

export type QuoteFormChoices = { clients: { id: string; name: string }[]; salesReps: { id: string; name: string }[] };

/** What the create form offers: the tenant's clients and, for managers, the active users a quote can belong to. */
export async function quoteFormChoices(scope: Scope): Promise<QuoteFormChoices> {
  const [clients, users] = await Promise.all([listClientOptions(scope, 1000), seesWholeTenant(scope) ? listUsers(scope) : []]);
  return { clients, salesReps: users.filter((u) => u.isActive).map((u) => ({ id: u.id, name: u.name })) };
}
