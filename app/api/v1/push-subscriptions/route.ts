import { apiRoute } from "@/lib/http";
import { createPushSubscriptionOperation, deletePushSubscriptionOperation, subscribePush, unsubscribePush } from "@/lib/push";

export const POST = apiRoute(createPushSubscriptionOperation, ({ scope, body, request }) =>
  subscribePush(scope, body, request.headers.get("user-agent")),
);
export const DELETE = apiRoute(deletePushSubscriptionOperation, ({ scope, body, query }) =>
  unsubscribePush(scope, body.endpoint ?? query.endpoint),
);
