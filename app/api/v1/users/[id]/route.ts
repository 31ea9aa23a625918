import { apiRoute } from "@/lib/http/api-route";
import { updateUserOperation } from "@/lib/users/operations";
import { serializeUser } from "@/lib/users/serialize";
import { updateUser } from "@/lib/users/service";

export const PATCH = apiRoute(updateUserOperation, async ({ scope, params, body }) =>
  serializeUser(await updateUser(scope, params.id, { name: body.name, role: body.role, isActive: body.is_active })),
);
