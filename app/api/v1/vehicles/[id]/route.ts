import { apiRoute } from "@/lib/http";
import {
  deleteVehicle,
  deleteVehicleOperation,
  getVehicle,
  getVehicleOperation,
  updateVehicle,
  updateVehicleOperation,
} from "@/lib/vehicles";

export const GET = apiRoute(getVehicleOperation, async ({ scope, params }) => getVehicle(scope, params.id));

export const PUT = apiRoute(updateVehicleOperation, async ({ scope, params, body }) => updateVehicle(scope, params.id, body));

export const DELETE = apiRoute(deleteVehicleOperation, async ({ scope, params }) => deleteVehicle(scope, params.id));
