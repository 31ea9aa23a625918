import { apiRoute } from "@/lib/http";
import { sendTestEvent, testWebhookOperation } from "@/lib/webhooks";

export const POST = apiRoute(testWebhookOperation, ({ scope, params }) => sendTestEvent(scope, params.id));
