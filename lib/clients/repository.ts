import { db, type Prisma, type Tx } from "@/lib/db";
import type { Scope } from "@/lib/scope";
import { type PageRequest, skipTake } from "@/lib/http";
import { clientSelect, type ClientRow } from "./serialize";

export type ClientFilter = { q?: string };

export type ClientData = { name: string; email: string | null; phone: string | null; company: string | null };

function liveWhere(scope: Scope): Prisma.ClientWhereInput {
  return { tenantId: scope.tenantId, isDeleted: false };
}

function filterWhere(scope: Scope, filter: ClientFilter): Prisma.ClientWhereInput {
  const where = liveWhere(scope);
  if (!filter.q) return where;
  const contains = { contains: filter.q, mode: "insensitive" as const };
  return { ...where, OR: [{ name: contains }, { company: contains }, { email: contains }] };
}

export async function listClients(scope: Scope, filter: ClientFilter, page: PageRequest): Promise<{ rows: ClientRow[]; total: number }> {
  const where = filterWhere(scope, filter);
  const [rows, total] = await Promise.all([
    db().client.findMany({ where, select: clientSelect, orderBy: [{ name: "asc" }, { id: "asc" }], ...skipTake(page) }),
    db().client.count({ where }),
  ]);
  return { rows, total };
}

/** A live client of the caller's tenant; another tenant's or a deleted one is null. */
export function findClient(scope: Scope, id: string, tx?: Tx): Promise<ClientRow | null> {
  return (tx ?? db()).client.findFirst({ where: { ...liveWhere(scope), id }, select: clientSelect });
}

/** Id and name of the tenant's live clients, for pickers. */
export function listClientOptions(scope: Scope, limit: number): Promise<{ id: string; name: string }[]> {
  return db().client.findMany({
    where: liveWhere(scope),
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
}

export function insertClient(scope: Scope, data: ClientData): Promise<ClientRow> {
  return db().client.create({ data: { ...data, tenantId: scope.tenantId }, select: clientSelect });
}

/** Applies the changes to a live client of the tenant; null when there is none. */
export async function updateClientRow(scope: Scope, id: string, changes: Partial<ClientData>): Promise<ClientRow | null> {
  const { count } = await db().client.updateMany({ where: { ...liveWhere(scope), id }, data: changes });
  return count === 0 ? null : findClient(scope, id);
}

export async function softDeleteClient(scope: Scope, id: string, now: Date): Promise<boolean> {
  const { count } = await db().client.updateMany({ where: { ...liveWhere(scope), id }, data: { isDeleted: true, deletedAt: now } });
  return count > 0;
}

/** A client name as imports match it: trimmed, case-insensitive. */
export const clientNameKey = (name: string) => name.trim().toLowerCase();

/** The tenant's live clients by `clientNameKey` (the oldest when two share a name). */
export async function clientIdsByName(scope: Scope, tx?: Tx): Promise<Map<string, string>> {
  const rows = await (tx ?? db()).client.findMany({
    where: liveWhere(scope),
    select: { id: true, name: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return new Map(rows.map((row) => [clientNameKey(row.name), row.id]));
}

/** Inserts clients in one statement per batch; returns how many. */
export async function insertClients(tx: Tx, scope: Scope, clients: ClientData[]): Promise<number> {
  const { count } = await tx.client.createMany({ data: clients.map((client) => ({ ...client, tenantId: scope.tenantId })) });
  return count;
}
