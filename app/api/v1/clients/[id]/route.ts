import { apiRoute } from "@/lib/http";
import { deleteClient, deleteClientOperation, getClient, getClientOperation, updateClient, updateClientOperation } from "@/lib/clients";

export const GET = apiRoute(getClientOperation, async ({ scope, params }) => getClient(scope, params.id));

export const PUT = apiRoute(updateClientOperation, async ({ scope, params, body }) => updateClient(scope, params.id, body));

export const DELETE = apiRoute(deleteClientOperation, async ({ scope, params }) => deleteClient(scope, params.id));
