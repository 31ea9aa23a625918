import { apiRoute } from "@/lib/http/api-route";
import { deleteVehicleOperation, getVehicleOperation, updateVehicleOperation } from "@/lib/vehicles/operations";
import { deleteVehicle, getVehicle, updateVehicle } from "@/lib/vehicles/service";

export const GET = apiRoute(getVehicleOperation, async ({ scope, params }) => getVehicle(scope, params.id));

export const PUT = apiRoute(updateVehicleOperation, async ({ scope, params, body }) => updateVehicle(scope, params.id, body));

export const DELETE = apiRoute(deleteVehicleOperation, async ({ scope, params }) => deleteVehicle(scope, params.id));
