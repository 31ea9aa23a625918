import { MANAGER_ROLES, requireRole, type Scope } from "@/lib/scope";
import { systemClock, type Clock } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { type Page, pageOf } from "@/lib/http";
import { findClient, insertClient, listClients, softDeleteClient, updateClientRow } from "./repository";
import type { ClientListQuery, ClientOut, CreateClientInput, UpdateClientInput } from "./schemas";
import { serializeClient } from "./serialize";

export async function listClientPage(scope: Scope, query: ClientListQuery): Promise<Page<ClientOut>> {
  const { rows, total } = await listClients(scope, { q: query.q || undefined }, query);
  return pageOf(rows.map(serializeClient), total, query);
}

export async function getClient(scope: Scope, id: string): Promise<ClientOut> {
  const row = await findClient(scope, id);
  if (!row) throw new NotFoundError("Client");
  return serializeClient(row);
}

export async function createClient(scope: Scope, input: CreateClientInput): Promise<ClientOut> {
  const row = await insertClient(scope, {
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    company: input.company ?? null,
  });
  return serializeClient(row);
}

export async function updateClient(scope: Scope, id: string, input: UpdateClientInput): Promise<ClientOut> {
  const row = await updateClientRow(scope, id, input);
  if (!row) throw new NotFoundError("Client");
  return serializeClient(row);
}

/** Soft delete; admins and supervisors only. */
export async function deleteClient(scope: Scope, id: string, clock: Clock = systemClock): Promise<void> {
  requireRole(scope, MANAGER_ROLES);
  if (!(await softDeleteClient(scope, id, clock()))) throw new NotFoundError("Client");
}
