import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { meOperation } from "@/lib/users/operations";
import { getUser } from "@/lib/users/repository";
import { serializeUser } from "@/lib/users/serialize";

export const GET = apiRoute(meOperation, async ({ scope }) => {
  const user = await getUser(scope, scope.userId);
  if (!user) throw new NotFoundError("User");
  return serializeUser(user);
});
