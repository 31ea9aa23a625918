import { apiRoute } from "@/lib/http";
import { getMe, meOperation, updateMe, updateMeOperation } from "@/lib/users";

export const GET = apiRoute(meOperation, ({ scope }) => getMe(scope));

export const PATCH = apiRoute(updateMeOperation, ({ scope, body }) => updateMe(scope, body));
