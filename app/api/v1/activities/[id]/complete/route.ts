import { apiRoute } from "@/lib/http";
import { completeActivity, completeActivityOperation } from "@/lib/activities";

export const POST = apiRoute(completeActivityOperation, async ({ scope, params }) => completeActivity(scope, params.id));
