import { apiRoute } from "@/lib/http/api-route";
import { createClientOperation, listClientsOperation } from "@/lib/clients/operations";
import { createClient, listClientPage } from "@/lib/clients/service";

export const GET = apiRoute(listClientsOperation, async ({ scope, query }) => listClientPage(scope, query));

export const POST = apiRoute(createClientOperation, async ({ scope, body }) => createClient(scope, body));
