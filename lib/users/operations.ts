import { defineOperation } from "@/lib/http";
import {
  createUserBody,
  meOut,
  registerBody,
  tokenBody,
  tokenOut,
  updateMeBody,
  updateUserBody,
  userIdParams,
  userListOut,
  userOut,
} from "./schemas";

export const registerOperation = defineOperation({
  id: "register",
  method: "POST",
  path: "/auth/register",
  summary: "Create a company (tenant) and its first user, an admin",
  tags: ["Auth"],
  auth: "public",
  body: registerBody,
  response: tokenOut,
  successStatus: 201,
  errors: [409, 429],
});

export const tokenOperation = defineOperation({
  id: "createToken",
  method: "POST",
  path: "/auth/token",
  summary: "Exchange email and password for a bearer access token",
  tags: ["Auth"],
  auth: "public",
  body: tokenBody,
  response: tokenOut,
  errors: [401, 429],
});

export const meOperation = defineOperation({
  id: "getMe",
  method: "GET",
  path: "/me",
  summary: "The current user",
  tags: ["Auth"],
  response: meOut,
});

export const updateMeOperation = defineOperation({
  id: "updateMe",
  method: "PATCH",
  path: "/me",
  summary: "Change your name, time zone or quiet hours",
  tags: ["Auth"],
  body: updateMeBody,
  response: meOut,
});

export const listUsersOperation = defineOperation({
  id: "listUsers",
  method: "GET",
  path: "/users",
  summary: "List the users of your company",
  tags: ["Users"],
  response: userListOut,
});

export const createUserOperation = defineOperation({
  id: "createUser",
  method: "POST",
  path: "/users",
  summary: "Add a user to your company (admins)",
  tags: ["Users"],
  roles: ["ADMIN"],
  body: createUserBody,
  response: userOut,
  successStatus: 201,
  errors: [403, 409],
});

export const updateUserOperation = defineOperation({
  id: "updateUser",
  method: "PATCH",
  path: "/users/{id}",
  summary: "Change a user's name, role or active flag (admins); deactivation revokes their tokens",
  tags: ["Users"],
  roles: ["ADMIN"],
  params: userIdParams,
  body: updateUserBody,
  response: userOut,
  errors: [403, 404, 409],
});

export const userOperations = [
  registerOperation,
  tokenOperation,
  meOperation,
  updateMeOperation,
  listUsersOperation,
  createUserOperation,
  updateUserOperation,
];
