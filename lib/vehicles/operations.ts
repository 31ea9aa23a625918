import { MANAGER_ROLES } from "@/lib/scope";
import { defineOperation } from "@/lib/http";
import { createVehicleBody, updateVehicleBody, vehicleIdParams, vehicleListOut, vehicleListQuery, vehicleOut } from "./schemas";

export const listVehiclesOperation = defineOperation({
  id: "listVehicles",
  method: "GET",
  path: "/vehicles",
  summary: "List your company's vehicles, soonest maintenance first",
  tags: ["Vehicles"],
  query: vehicleListQuery,
  response: vehicleListOut,
});

export const createVehicleOperation = defineOperation({
  id: "createVehicle",
  method: "POST",
  path: "/vehicles",
  summary: "Add a vehicle",
  tags: ["Vehicles"],
  body: createVehicleBody,
  response: vehicleOut,
  successStatus: 201,
});

export const getVehicleOperation = defineOperation({
  id: "getVehicle",
  method: "GET",
  path: "/vehicles/{id}",
  summary: "One vehicle",
  tags: ["Vehicles"],
  params: vehicleIdParams,
  response: vehicleOut,
  errors: [404],
});

export const updateVehicleOperation = defineOperation({
  id: "updateVehicle",
  method: "PUT",
  path: "/vehicles/{id}",
  summary: "Change a vehicle (partial update; assigned_to null unassigns)",
  tags: ["Vehicles"],
  params: vehicleIdParams,
  body: updateVehicleBody,
  response: vehicleOut,
  errors: [404],
});

export const deleteVehicleOperation = defineOperation({
  id: "deleteVehicle",
  method: "DELETE",
  path: "/vehicles/{id}",
  summary: "Delete a vehicle (soft; admins and supervisors)",
  tags: ["Vehicles"],
  roles: MANAGER_ROLES,
  params: vehicleIdParams,
  successStatus: 204,
  errors: [403, 404],
});

export const vehicleOperations = [
  listVehiclesOperation,
  createVehicleOperation,
  getVehicleOperation,
  updateVehicleOperation,
  deleteVehicleOperation,
];
