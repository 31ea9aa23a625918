import { apiRoute } from "@/lib/http/api-route";
import { createUserOperation, listUsersOperation } from "@/lib/users/operations";
import { listUsers } from "@/lib/users/repository";
import { serializeUser } from "@/lib/users/serialize";
import { createUser } from "@/lib/users/service";

export const GET = apiRoute(listUsersOperation, async ({ scope }) => ({
  items: (await listUsers(scope)).map(serializeUser),
}));

export const POST = apiRoute(createUserOperation, async ({ scope, body }) => serializeUser(await createUser(scope, body)));
