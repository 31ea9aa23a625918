/** What the edges and the other modules use of this module. */
export {
  clientOperations,
  createClientOperation,
  deleteClientOperation,
  getClientOperation,
  listClientsOperation,
  updateClientOperation,
} from "./operations";
export { findClient, listClientOptions } from "./repository";
export { clientListQuery, createClientBody, updateClientBody, type ClientOut } from "./schemas";
export { createClient, deleteClient, getClient, listClientPage, updateClient } from "./service";
