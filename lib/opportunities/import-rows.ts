import type { Scope } from "@/lib/scope";
import { seesWholeTenant } from "@/lib/scope";
import { clientIdsByName, clientNameKey, insertClients } from "@/lib/clients";
import { toIsoDate, utcDate, type Clock } from "@/lib/clock";
import { rateOn, toBase } from "@/lib/currency";
import type { Tx } from "@/lib/db";
import { ValidationError, type FieldError } from "@/lib/errors";
import type { OpportunityStage } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/http";
import type { Decimal } from "@/lib/money";
import { baseCurrencyOf } from "@/lib/tenants";
import { activeUserIdsByEmail } from "@/lib/users";
import { lockColumn, topOfColumn } from "./board-position";
import { missingRateMessage } from "./conversion";
import { assertFutureCloseDate, assertOpenStage, defaultProbability, POSITION_GAP } from "./rules";
import { createOpportunityBody } from "./schemas";

/** The columns of an opportunities import, in the order of the export's matching columns. */
export const OPPORTUNITY_IMPORT_FIELDS = [
  { name: "name", required: true },
  { name: "client", required: true },
  { name: "owner_email", required: false },
  { name: "stage", required: false },
  { name: "estimated_value", required: true },
  { name: "currency", required: false },
  { name: "probability", required: false },
  { name: "expected_close_date", required: true },
  { name: "description", required: false },
] as const;

/** An imported row as the commit writes it. */
export type ImportedOpportunity = {
  name: string;
  description: string | null;
  client: string;
  assignedTo: string;
  stage: OpportunityStage;
  estimatedValue: string;
  currency: string;
  probability: string;
  expectedCloseDate: string;
};

/** What checking a row needs to know of the tenant, read once for the whole file. */
export type OpportunityImportContext = {
  scope: Scope;
  today: Date;
  baseCurrency: string;
  ownersByEmail: Map<string, string>;
  clientsByName: Map<string, string>;
  createClients: boolean;
  rates: Map<string, Decimal | null>;
};

// The API's body names a client by id; an imported row names it by name, resolved separately.
const ANY_CLIENT_ID = "00000000-0000-4000-8000-000000000000";
// Where the API's body fields come from in the file's columns (errors are reported under the column's field).
const COLUMN_OF: Record<string, string> = { client_id: "client", assigned_to: "owner_email" };

export async function opportunityImportContext(
  scope: Scope,
  clock: Clock,
  createClients: boolean,
  tx?: Tx,
): Promise<OpportunityImportContext> {
  const [baseCurrency, ownersByEmail, clientsByName] = await Promise.all([
    baseCurrencyOf(scope),
    activeUserIdsByEmail(scope, tx),
    clientIdsByName(scope, tx),
  ]);
  return { scope, today: utcDate(clock()), baseCurrency, ownersByEmail, clientsByName, createClients, rates: new Map() };
}

type Checked = { value: ImportedOpportunity; errors?: undefined } | { value?: undefined; errors: FieldError[] };

const blankToUndefined = (text: string | undefined) => (text === undefined || text.trim() === "" ? undefined : text);

/** A stage as people write it: "Proposal", "closed won", "CLOSED_WON". */
const stageText = (text: string | undefined) =>
  blankToUndefined(text)
    ?.trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

/**
 * One row checked with exactly the API's rules for creating a deal (the request schema, open stage, close date after
 * today, a known rate for the currency, reps only for themselves), plus the import's own: the owner named by the email
 * of an active user of the company, the client by its name (or created when asked).
 */
export async function checkOpportunityRow(context: OpportunityImportContext, row: Record<string, string>): Promise<Checked> {
  const { scope } = context;
  const errors: FieldError[] = [];
  const ownerEmail = blankToUndefined(row.owner_email)?.trim().toLowerCase();
  const ownerId = ownerEmail === undefined ? scope.userId : context.ownersByEmail.get(ownerEmail);
  if (ownerEmail !== undefined && ownerId === undefined)
    errors.push({ field: "owner_email", message: "is not the email of an active user of your company" });
  else if (ownerId !== scope.userId && !seesWholeTenant(scope))
    errors.push({ field: "owner_email", message: "sales reps can only import deals assigned to themselves" });

  const parsed = parseInput(createOpportunityBody, {
    name: row.name ?? "",
    description: blankToUndefined(row.description),
    client_id: ANY_CLIENT_ID,
    estimated_value: row.estimated_value ?? "",
    currency: blankToUndefined(row.currency),
    probability: blankToUndefined(row.probability),
    expected_close_date: row.expected_close_date?.trim() ?? "",
    stage: stageText(row.stage),
  });
  if (!parsed.success) errors.push(...parsed.errors.map((error) => ({ ...error, field: COLUMN_OF[error.field] ?? error.field })));

  const client = row.client?.trim() ?? "";
  if (client === "") errors.push({ field: "client", message: "is required" });
  else if (client.length > 200) errors.push({ field: "client", message: "must be at most 200 characters" });
  else if (!context.clientsByName.has(clientNameKey(client)) && !context.createClients)
    errors.push({ field: "client", message: "is not the name of a client of your company (or let the import create missing clients)" });

  if (!parsed.success) return { errors };
  const input = parsed.data;
  const currency = input.currency ?? context.baseCurrency;
  for (const check of [() => assertOpenStage(input.stage), () => assertFutureCloseDate(input.expected_close_date, context.today)]) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.errors);
    }
  }
  if ((await rateOf(context, currency)) === null)
    errors.push({ field: "currency", message: missingRateMessage(context.baseCurrency, toIsoDate(context.today)) });
  if (errors.length > 0) return { errors };
  return {
    value: {
      name: input.name,
      description: input.description ?? null,
      client,
      assignedTo: ownerId!,
      stage: input.stage,
      estimatedValue: input.estimated_value,
      currency,
      probability: input.probability ?? defaultProbability(input.stage),
      expectedCloseDate: toIsoDate(input.expected_close_date),
    },
  };
}

async function rateOf(context: OpportunityImportContext, currency: string): Promise<Decimal | null> {
  if (!context.rates.has(currency)) context.rates.set(currency, await rateOn(context.scope.tenantId, currency, toIsoDate(context.today)));
  return context.rates.get(currency)!;
}

/**
 * The writer of an import's checked rows, called page by page inside the caller's transaction: missing clients first
 * (when the import may create them), then the deals, each with its first stage-history entry as a deal created through
 * the API. A column is locked when its first deal comes; the deals land above its cards in file order (the file's
 * first deal of each stage on top), `totalRows` positions being kept free above them for the rest of the file.
 */
export function opportunityImportWriter(context: OpportunityImportContext, totalRows: number) {
  const columns = new Map<OpportunityStage, { top: number; next: number }>();
  return async (tx: Tx, rows: ImportedOpportunity[]): Promise<number> => {
    const { tenantId } = context.scope;
    await createMissingClients(tx, context, rows);
    const positions: number[] = [];
    for (const row of rows) {
      let column = columns.get(row.stage);
      if (!column) {
        await lockColumn(tx, tenantId, row.stage);
        column = { top: await topOfColumn(tx, tenantId, row.stage), next: 0 };
        columns.set(row.stage, column);
      }
      positions.push(column.top - (totalRows - column.next++) * POSITION_GAP);
    }
    return rows.length === 0 ? 0 : insertBatch(tx, context, rows, positions);
  };
}

async function createMissingClients(tx: Tx, context: OpportunityImportContext, rows: ImportedOpportunity[]) {
  const missing = new Map<string, string>();
  for (const row of rows) {
    const key = clientNameKey(row.client);
    if (!context.clientsByName.has(key) && !missing.has(key)) missing.set(key, row.client);
  }
  if (missing.size === 0) return;
  await insertClients(
    tx,
    context.scope,
    [...missing.values()].map((name) => ({ name, email: null, phone: null, company: null })),
  );
  for (const [key, id] of await clientIdsByName(context.scope, tx)) context.clientsByName.set(key, id);
}

async function insertBatch(tx: Tx, context: OpportunityImportContext, rows: ImportedOpportunity[], positions: number[]): Promise<number> {
  const { scope } = context;
  const rates = rows.map((row) => context.rates.get(row.currency)!);
  const column = <T>(pick: (row: ImportedOpportunity, i: number) => T) => rows.map(pick);
  const inserted = await tx.$executeRaw`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((r) => r.name)}::text[], ${column((r) => r.description)}::text[],
        ${column((r) => context.clientsByName.get(clientNameKey(r.client))!)}::uuid[], ${column((r) => r.assignedTo)}::uuid[],
        ${column((r) => r.estimatedValue)}::numeric[], ${column((r) => r.currency)}::text[],
        ${column((_, i) => toBase(rows[i]!.estimatedValue, rates[i]!).toFixed(2))}::numeric[],
        ${column((_, i) => rates[i]!.toFixed(8))}::numeric[], ${column((r) => r.probability)}::numeric[],
        ${column((r) => r.expectedCloseDate)}::date[], ${column((r) => r.stage)}::text[], ${positions}::float8[]
      ) AS t(name, description, client_id, assigned_to, estimated_value, currency, base_value, base_rate, probability,
             expected_close_date, stage, board_position)
    ), created AS (
      INSERT INTO opportunities (tenant_id, name, description, client_id, assigned_to, created_by, estimated_value, currency,
        base_value, base_rate, probability, expected_close_date, stage, board_position, updated_at)
      SELECT ${scope.tenantId}::uuid, name, description, client_id, assigned_to, ${scope.userId}::uuid, estimated_value, currency,
        base_value, base_rate, probability, expected_close_date, stage::opportunity_stage, board_position, now()
      FROM input
      RETURNING id, stage
    )
    INSERT INTO opportunity_stage_history (tenant_id, opportunity_id, from_stage, to_stage, changed_by)
    SELECT ${scope.tenantId}::uuid, id, NULL, stage, ${scope.userId}::uuid FROM created`;
  return inserted;
}
