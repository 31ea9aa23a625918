import { apiRoute } from "@/lib/http";
import { getTargets, getTargetsOperation, putTargets, putTargetsOperation } from "@/lib/forecast";

export const GET = apiRoute(getTargetsOperation, ({ scope, query }) => getTargets(scope, query));
export const PUT = apiRoute(putTargetsOperation, ({ scope, body }) => putTargets(scope, body));
