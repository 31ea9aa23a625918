/** What the edges and the other modules use of this module. */
export {
  createVehicleOperation,
  deleteVehicleOperation,
  getVehicleOperation,
  listVehiclesOperation,
  updateVehicleOperation,
  vehicleOperations,
} from "./operations";
export { countMaintenanceDue } from "./repository";
export { maintenanceDueSql, maintenanceOverdueSql } from "./rules-sql";
export { MAINTENANCE_DUE_SOON_DAYS, maintenanceState, type MaintenanceState } from "./rules";
export { createVehicleBody, updateVehicleBody, vehicleListQuery, type VehicleOut } from "./schemas";
export { createVehicle, deleteVehicle, getVehicle, listVehiclePage, updateVehicle, vehicleAssigneeChoices } from "./service";
