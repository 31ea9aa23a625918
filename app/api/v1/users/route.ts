import { apiRoute } from "@/lib/http";
import { createUser, createUserOperation, listUsers, listUsersOperation, serializeUser } from "@/lib/users";

export const GET = apiRoute(listUsersOperation, async ({ scope }) => ({
  items: (await listUsers(scope)).map(serializeUser),
}));

export const POST = apiRoute(createUserOperation, async ({ scope, body }) => serializeUser(await createUser(scope, body)));
