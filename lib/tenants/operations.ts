import { defineOperation } from "@/lib/http";
import { tenantOut, updateTenantBody } from "./schemas";

export const getTenantOperation = defineOperation({
  id: "getTenant",
  method: "GET",
  path: "/tenant",
  summary: "Your company: its name and base currency",
  tags: ["Company"],
  response: tenantOut,
});

export const updateTenantOperation = defineOperation({
  id: "updateTenant",
  method: "PUT",
  path: "/tenant",
  summary: "Rename your company or (while it has no deals) change its base currency (admins)",
  tags: ["Company"],
  roles: ["ADMIN"],
  body: updateTenantBody,
  response: tenantOut,
  errors: [403, 409],
});

export const tenantOperations = [getTenantOperation, updateTenantOperation];
