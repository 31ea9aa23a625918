import { apiRoute } from "@/lib/http";
import { listWebhookDeliveries, listWebhookDeliveriesOperation } from "@/lib/webhooks";

export const GET = apiRoute(listWebhookDeliveriesOperation, ({ scope, params, query }) => listWebhookDeliveries(scope, params.id, query));
