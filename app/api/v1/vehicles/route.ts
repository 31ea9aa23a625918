import { apiRoute } from "@/lib/http";
import { createVehicle, createVehicleOperation, listVehiclePage, listVehiclesOperation } from "@/lib/vehicles";

export const GET = apiRoute(listVehiclesOperation, async ({ scope, query }) => listVehiclePage(scope, query));

export const POST = apiRoute(createVehicleOperation, async ({ scope, body }) => createVehicle(scope, body));
