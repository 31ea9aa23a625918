import { apiRoute } from "@/lib/http";
import { createClient, createClientOperation, listClientPage, listClientsOperation } from "@/lib/clients";

export const GET = apiRoute(listClientsOperation, async ({ scope, query }) => listClientPage(scope, query));

export const POST = apiRoute(createClientOperation, async ({ scope, body }) => createClient(scope, body));
