import { apiRoute } from "@/lib/http";
import {
  deleteWebhook,
  deleteWebhookOperation,
  getWebhook,
  getWebhookOperation,
  updateWebhook,
  updateWebhookOperation,
} from "@/lib/webhooks";

export const GET = apiRoute(getWebhookOperation, ({ scope, params }) => getWebhook(scope, params.id));
export const PUT = apiRoute(updateWebhookOperation, ({ scope, params, body }) => updateWebhook(scope, params.id, body));
export const DELETE = apiRoute(deleteWebhookOperation, ({ scope, params }) => deleteWebhook(scope, params.id));
