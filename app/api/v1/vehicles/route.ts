import { apiRoute } from "@/lib/http/api-route";
import { createVehicleOperation, listVehiclesOperation } from "@/lib/vehicles/operations";
import { createVehicle, listVehiclePage } from "@/lib/vehicles/service";

export const GET = apiRoute(listVehiclesOperation, async ({ scope, query }) => listVehiclePage(scope, query));

export const POST = apiRoute(createVehicleOperation, async ({ scope, body }) => createVehicle(scope, body));
