/** What the edges and the other modules use of this module. */
export {
  createUserOperation,
  listUsersOperation,
  meOperation,
  registerOperation,
  updateMeOperation,
  tokenOperation,
  updateUserOperation,
  userOperations,
} from "./operations";
export {
  activeUserIdsByEmail,
  activeUserIdsWithRoles,
  activeUsersWithRolesSql,
  countActiveTenantUsers,
  getUser,
  isActiveTenantUser,
  listUsers,
} from "./repository";
export { registerBody, updateMeBody } from "./schemas";
export { serializeUser } from "./serialize";
export { createUser, registerTenant, updateUser } from "./service";
export { getMe, updateMe } from "./me";
