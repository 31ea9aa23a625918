import { apiRoute } from "@/lib/http";
import { serializeUser, updateUser, updateUserOperation } from "@/lib/users";

export const PATCH = apiRoute(updateUserOperation, async ({ scope, params, body }) =>
  serializeUser(await updateUser(scope, params.id, { name: body.name, role: body.role, isActive: body.is_active })),
);
