import { apiRoute } from "@/lib/http/api-route";
import { deleteClientOperation, getClientOperation, updateClientOperation } from "@/lib/clients/operations";
import { deleteClient, getClient, updateClient } from "@/lib/clients/service";

export const GET = apiRoute(getClientOperation, async ({ scope, params }) => getClient(scope, params.id));

export const PUT = apiRoute(updateClientOperation, async ({ scope, params, body }) => updateClient(scope, params.id, body));

export const DELETE = apiRoute(deleteClientOperation, async ({ scope, params }) => deleteClient(scope, params.id));
