import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";
import { getUser, meOperation, serializeUser } from "@/lib/users";

export const GET = apiRoute(meOperation, async ({ scope }) => {
  const user = await getUser(scope, scope.userId);
  if (!user) throw new NotFoundError("User");
  return serializeUser(user);
});
