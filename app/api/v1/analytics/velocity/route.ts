import { apiRoute } from "@/lib/http";
import { getVelocity, velocityOperation } from "@/lib/analytics";

export const GET = apiRoute(velocityOperation, ({ scope, query }) => getVelocity(scope, query));
