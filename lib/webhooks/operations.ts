import { defineOperation } from "@/lib/http";
import {
  createdWebhookOut,
  webhookBody,
  webhookDeliveriesQuery,
  webhookDeliveryPage,
  webhookIdParams,
  webhookListOut,
  webhookOut,
  webhookTestOut,
} from "./schemas";

const tags = ["Webhooks"];
const ADMIN = ["ADMIN"] as const;

export const listWebhooksOperation = defineOperation({
  id: "listWebhooks",
  method: "GET",
  path: "/webhooks",
  summary: "The company's webhooks (admins); secrets are never shown again",
  tags,
  roles: ADMIN,
  response: webhookListOut,
});

export const createWebhookOperation = defineOperation({
  id: "createWebhook",
  method: "POST",
  path: "/webhooks",
  summary: "Add a webhook (admins); its signing secret is generated unless given, and shown once in the answer",
  tags,
  roles: ADMIN,
  body: webhookBody,
  response: createdWebhookOut,
  successStatus: 201,
});

export const getWebhookOperation = defineOperation({
  id: "getWebhook",
  method: "GET",
  path: "/webhooks/{id}",
  summary: "One webhook (admins)",
  tags,
  roles: ADMIN,
  params: webhookIdParams,
  response: webhookOut,
});

export const updateWebhookOperation = defineOperation({
  id: "updateWebhook",
  method: "PUT",
  path: "/webhooks/{id}",
  summary: "Change a webhook's URL, events, secret or on/off (admins); turning it on again clears its failure count",
  tags,
  roles: ADMIN,
  params: webhookIdParams,
  body: webhookBody,
  response: webhookOut,
});

export const deleteWebhookOperation = defineOperation({
  id: "deleteWebhook",
  method: "DELETE",
  path: "/webhooks/{id}",
  summary: "Remove a webhook and its delivery log (admins)",
  tags,
  roles: ADMIN,
  params: webhookIdParams,
  successStatus: 204,
});

export const listWebhookDeliveriesOperation = defineOperation({
  id: "listWebhookDeliveries",
  method: "GET",
  path: "/webhooks/{id}/deliveries",
  summary: "A webhook's deliveries, newest first, each with every try (status code, response time, error) (admins)",
  tags,
  roles: ADMIN,
  params: webhookIdParams,
  query: webhookDeliveriesQuery,
  response: webhookDeliveryPage,
});

export const testWebhookOperation = defineOperation({
  id: "testWebhook",
  method: "POST",
  path: "/webhooks/{id}/test",
  summary: "Send a test event (webhook.test) to the webhook now, in the background (admins); it shows in the delivery log",
  tags,
  roles: ADMIN,
  params: webhookIdParams,
  response: webhookTestOut,
  successStatus: 201,
  errors: [409],
});

export const webhookOperations = [
  listWebhooksOperation,
  createWebhookOperation,
  getWebhookOperation,
  updateWebhookOperation,
  deleteWebhookOperation,
  listWebhookDeliveriesOperation,
  testWebhookOperation,
];
