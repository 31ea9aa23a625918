import { systemClock, type Clock } from "@/lib/clock";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { pageOf, skipTake, type PageRequest } from "@/lib/http";
import type { Scope } from "@/lib/scope";
import { TEST_EVENT, webhookPayload } from "@/lib/webhook-events";
import { deliverWebhooksSoon } from "./relay";
import { deleteEndpoint, deliveryPage, findEndpoint, insertDelivery, insertEndpoint, listEndpoints, updateEndpoint } from "./repository";
import type { CreatedWebhookOut, WebhookDeliveryPage, WebhookInput, WebhookOut } from "./schemas";
import { generateWebhookSecret } from "./secret";
import { serializeDelivery, serializeWebhook } from "./serialize";

export async function listWebhooks(scope: Scope): Promise<WebhookOut[]> {
  return (await listEndpoints(scope)).map(serializeWebhook);
}

export async function getWebhook(scope: Scope, id: string): Promise<WebhookOut> {
  const row = await findEndpoint(scope, id);
  if (!row) throw new NotFoundError("Webhook");
  return serializeWebhook(row);
}

/** The secret (given or generated) is in this answer only. */
export async function createWebhook(scope: Scope, input: WebhookInput): Promise<CreatedWebhookOut> {
  const secret = input.secret ?? generateWebhookSecret();
  const row = await insertEndpoint(scope, { url: input.url, events: input.events, secret, enabled: input.enabled ?? true });
  return { ...serializeWebhook(row), secret };
}

export async function updateWebhook(scope: Scope, id: string, input: WebhookInput): Promise<WebhookOut> {
  const row = await updateEndpoint(scope, id, input);
  if (!row) throw new NotFoundError("Webhook");
  return serializeWebhook(row);
}

export async function deleteWebhook(scope: Scope, id: string): Promise<void> {
  if (!(await deleteEndpoint(scope, id))) throw new NotFoundError("Webhook");
}

export async function listWebhookDeliveries(scope: Scope, id: string, page: PageRequest): Promise<WebhookDeliveryPage> {
  await getWebhook(scope, id);
  const { rows, total } = await deliveryPage(scope, id, skipTake(page));
  return pageOf(rows.map(serializeDelivery), total, page);
}

/**
 * Queues a `webhook.test` delivery to this webhook and starts delivering at once, without waiting for it: the
 * answer names the delivery, whose tries then show in the log. A webhook that is off is refused (409).
 */
export async function sendTestEvent(scope: Scope, id: string, clock: Clock = systemClock): Promise<{ delivery_id: string }> {
  const endpoint = await findEndpoint(scope, id);
  if (!endpoint) throw new NotFoundError("Webhook");
  if (!endpoint.enabled) throw new ConflictError("This webhook is turned off. Turn it on to send a test event.");
  const now = clock();
  const data = { webhook_id: endpoint.id, message: "A test event from OnQuota." };
  const deliveryId = await insertDelivery(scope, endpoint.id, TEST_EVENT, webhookPayload(TEST_EVENT, data, now), now);
  deliverWebhooksSoon();
  return { delivery_id: deliveryId };
}
