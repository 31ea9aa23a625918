import { defineOperation } from "@/lib/http";
import { MANAGER_ROLES } from "@/lib/scope";
import { clientIdParams, clientListOut, clientListQuery, clientOut, createClientBody, updateClientBody } from "./schemas";

export const listClientsOperation = defineOperation({
  id: "listClients",
  method: "GET",
  path: "/clients",
  summary: "List your company's clients, by name",
  tags: ["Clients"],
  query: clientListQuery,
  response: clientListOut,
});

export const createClientOperation = defineOperation({
  id: "createClient",
  method: "POST",
  path: "/clients",
  summary: "Add a client",
  tags: ["Clients"],
  body: createClientBody,
  response: clientOut,
  successStatus: 201,
});

export const getClientOperation = defineOperation({
  id: "getClient",
  method: "GET",
  path: "/clients/{id}",
  summary: "One client",
  tags: ["Clients"],
  params: clientIdParams,
  response: clientOut,
  errors: [404],
});

export const updateClientOperation = defineOperation({
  id: "updateClient",
  method: "PUT",
  path: "/clients/{id}",
  summary: "Change a client (partial update: omitted fields stay, null clears an optional field)",
  tags: ["Clients"],
  params: clientIdParams,
  body: updateClientBody,
  response: clientOut,
  errors: [404],
});

export const deleteClientOperation = defineOperation({
  id: "deleteClient",
  method: "DELETE",
  path: "/clients/{id}",
  summary: "Delete a client (soft; admins and supervisors)",
  tags: ["Clients"],
  roles: MANAGER_ROLES,
  params: clientIdParams,
  successStatus: 204,
  errors: [403, 404],
});

export const clientOperations = [
  listClientsOperation,
  createClientOperation,
  getClientOperation,
  updateClientOperation,
  deleteClientOperation,
];
